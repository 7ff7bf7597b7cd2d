/*
** units.c — a scanned sentence as the rules read it: a row of units, each
** with its categories (sql/lexicon/categories.tsv), and the string of those
** categories that the rules' regular expressions match.
**
** A unit is a lexicon mention (a person, an office, a phrase of words.tsv:
** «با», «تماس تلفنی»), a date, a verb (the verb reader names its tense,
** mood and negation, verb_classes.tsv what it means: «کرد» is a light verb),
** a word no lexicon knows, or a punctuation mark.  In the string, each unit
** is '<', one byte per category, '>':
**
**   «لاوروف با بلینکن دیدار کرد»  →  <P><w><P><c><VLt>   (bytes for illustration)
**
** so the pattern {person} is <[^>]*P[^>]*> (rules.c).
*/
#include <pthread.h>

#include "data/hash.h"
#include "extract_internal.h"
#include "text/verbs.h"

static categories cats;
static pthread_once_t cats_once = PTHREAD_ONCE_INIT;

static int cat(const char *name) { return lexicon_category(name, strlen(name)); }

static void load_categories(void) {
  int k;
  cats.person = cat("person");
  cats.office = cat("office");
  cats.offices = cat("offices");
  cats.state_office = cat("state_office");
  cats.country = cat("country");
  cats.adjective = cat("adjective");
  cats.contact = cat("contact");
  cats.medium = cat("medium");
  cats.letter = cat("letter");
  cats.welcome = cat("welcome");
  cats.trip = cat("trip");
  cats.date = cat("date");
  cats.weekday = cat("weekday");
  cats.relday = cat("relday");
  cats.same_day = cat("same_day");
  cats.relweek = cat("relweek");
  cats.relmonth = cat("relmonth");
  cats.relyear = cat("relyear");
  cats.verb = cat("verb");
  cats.past = cat("past");
  cats.present = cat("present");
  cats.subjunctive = cat("subjunctive");
  cats.participle = cat("participle");
  cats.negative = cat("negative");
  cats.first_person = cat("first_person");
  cats.second_person = cat("second_person");
  cats.comma = cat("comma");
  cats.colon = cat("colon");
  cats.quote = cat("quote");
  cats.paren = cat("paren");
  cats.dash = cat("dash");
  cats.punct = cat("punct");
  cats.number = cat("number");
  cats.word = cat("word");
  cats.actor = cat("actor");
  cats.named = cat("named");
  cats.state = cat("state");
  cats.group = cat("group");
  cats.aside = cat("aside");
  cats.invited_aside = cat("invited_aside");
  cats.claimed_aside = cat("claimed_aside");
  cats.initiative = cat("initiative");
  cats.pronoun = cat("pronoun");
  cats.counterpart = cat("counterpart");
  cats.self = cat("self");
  cats.both = cat("both");
  cats.our_country = cat("our_country");
  cats.this_country = cat("this_country");
  cats.first = cat("first");
  cats.former = cat("former");
  cats.with = cat("with");
  cats.and_word = cat("and");
  cats.after = cat("after");
  cats.future = cat("future");
  cats.plan = cat("plan");
  cats.habit = cat("habit");
  cats.then = cat("then");
  cat_add(&cats.claiming, cat("say"));
  cat_add(&cats.claiming, cat("claim"));
  cat_add(&cats.governing, cats.with);
  cat_add(&cats.governing, cat("to"));
  cat_add(&cats.governing, cat("from"));
  cat_add(&cats.governing, cat("by"));
  cat_add(&cats.governing, cats.initiative);
  cat_add(&cats.grammar_nouns, cats.contact);
  cat_add(&cats.grammar_nouns, cat("summit"));
  cat_add(&cats.dating, cats.date);
  cat_add(&cats.dating, cats.weekday);
  cat_add(&cats.dating, cats.relday);
  cat_add(&cats.dating, cats.same_day);
  cat_add(&cats.dating, cats.relweek);
  cat_add(&cats.dating, cats.relmonth);
  cat_add(&cats.dating, cats.relyear);
  for (k = 0; k < lexicon_category_count(); k++) {
    if (lexicon_category_value(k) == CV_MEDIUM && k != cats.medium) cat_add(&cats.contact_media, k);
    if (lexicon_category_built(k)) cat_add(&cats.built, k);
  }
}

const categories *extract_categories(void) {
  pthread_once(&cats_once, load_categories);
  return &cats;
}

char category_byte(int c) {
  if (c < 26) return (char)('A' + c);
  if (c < 52) return (char)('a' + c - 26);
  if (c < 62) return (char)('0' + c - 52);
  return (char)(0xA0 + c - 62); /* PCRE2 reads the string as bytes, not UTF-8 */
}

/* category_byte of every category, for units_write_tags */
static char category_bytes[CAT_MAX];
static pthread_once_t bytes_once = PTHREAD_ONCE_INIT;
static void load_bytes(void) {
  int c;
  for (c = 0; c < CAT_MAX; c++) category_bytes[c] = category_byte(c);
}

static unit *new_unit(tagged *t, int w0, int w1, const sentence *s) {
  unit *u;
  if (t->n == MAX_UNITS) return NULL;
  u = &t->units[t->n++];
  memset(u, 0, sizeof *u);
  u->w0 = w0;
  u->w1 = w1;
  u->mention = u->actor = -1;
  u->country = -1;
  u->start = s->words[w0].start;
  u->end = s->words[w1 - 1].end;
  return u;
}

/* The punctuation mark before word w, a unit.  (Quotation marks are not:
** «"سرگئی شویگو" و "والری گراسیموف"» is a list of two.) */
static void marks_before(tagged *t, const sentence *s, int w) {
  const word *wd = &s->words[w];
  unit *u;
  if (wd->after_punct && (u = new_unit(t, w, w + 1, s))) {
    uint32_t p = wd->punct;
    int c = wd->after_punct == PUNCT_COMMA           ? cats.comma
            : p == ':'                               ? cats.colon
            : p == '(' || p == ')'                   ? cats.paren
            : p == '-' || p == 0x2013 || p == 0x2014 ? cats.dash
                                                     : cats.punct;
    cat_add(&u->cats, c);
    u->end = u->start; /* a mark stands before the word */
  }
}

/* The verb a folded key is a form of, as categories. */
static int verb_key_categories(const char *key, size_t n, cat_mask *out) {
  verb_form v;
  cat_mask classes;
  if (!verb_read(key, n, &v)) return 0;
  cat_add(out, cats.verb);
  if (v.flags & VF_PAST) cat_add(out, cats.past);
  if (v.flags & VF_PRESENT) cat_add(out, cats.present);
  if (v.flags & VF_SUBJUNCTIVE) cat_add(out, cats.subjunctive);
  if (v.flags & VF_PARTICIPLE) cat_add(out, cats.participle);
  if (v.flags & VF_NEGATIVE) cat_add(out, cats.negative);
  if (v.flags & VF_FIRST) cat_add(out, cats.first_person);
  if (v.flags & VF_SECOND) cat_add(out, cats.second_person);
  classes = lexicon_verb_categories(v.infinitive);
  cat_or(out, &classes);
  return 1;
}

/* The verb word w is a form of, as categories. */
static int verb_categories(const sentence *s, int w, cat_mask *out) {
  return verb_key_categories(s->key + s->words[w].key_start,
                             s->words[w].key_end - s->words[w].key_start, out);
}

/* «می کنند», «نمی کند»: the prefix written apart, with a space and no
** ZWNJ; the two words one verb when together they read as one. */
static int split_verb_categories(const sentence *s, int w, cat_mask *out) {
  char key[96];
  size_t a = s->words[w].key_end - s->words[w].key_start, b;
  const char *k = s->key + s->words[w].key_start;
  if (w + 1 >= s->n_words || s->words[w + 1].after_punct) return 0;
  if (!verb_prefix_apart(k, a)) return 0;
  b = s->words[w + 1].key_end - s->words[w + 1].key_start;
  if (a + b > sizeof key) return 0;
  memcpy(key, k, a);
  memcpy(key + a, s->key + s->words[w + 1].key_start, b);
  return verb_key_categories(key, a + b, out);
}

/* A word no phrase matched, as a word of words.tsv with an ending: the
** categories and value of its stem («دیداری» → «دیدار», a contact). */
static int stem_categories(const sentence *s, int w, unit *u) {
  const char *key = s->key + s->words[w].key_start;
  size_t n = s->words[w].key_end - s->words[w].key_start;
  int k;
  unsigned char ends[KEY_BYTES / 8];
  size_t stem;
  for (k = 0; (stem = noun_stem(key, n, k)) != (size_t)-1; k++) {
    lex_match m;
    const lex_entry *en;
    if (stem == 0 || stem >= sizeof ends) continue;
    memset(ends, 0, stem + 1);
    ends[stem] = 1;
    lexicon_match_at(lexicon_builtin(), key, stem, ends, 0, &m);
    if (m.len != stem || m.kinds != 1u << E_WORD) continue; /* a word of words.tsv only */
    u->cats = m.cats;
    for (en = m.first; en; en = lexicon_next_entry(lexicon_builtin(), en))
      if (en->value && !u->value) u->value = en->value;
    return 1;
  }
  return 0;
}

/* A word no phrase matched, as the rules see it: a verb form, a word of
** words.tsv with an ending, a number or a word.  Words come back again and
** again: each thread remembers the last ones it read (a direct-mapped cache,
** one word a slot, the newest kept), as the verb reader does. */
#define WORD_MEMO_SLOTS 2048
#define WORD_MEMO_KEY 32
typedef struct word_memo {
  unsigned char len; /* 0: empty */
  unsigned char has_digit;
  char key[WORD_MEMO_KEY];
  cat_mask cats;
  int value;
} word_memo;
static __thread word_memo word_memos[WORD_MEMO_SLOTS];

static void word_categories(const sentence *s, int w, unit *u) {
  const char *key = s->key + s->words[w].key_start;
  size_t n = s->words[w].key_end - s->words[w].key_start;
  word_memo *m = &word_memos[fnv1a(key, n) & (WORD_MEMO_SLOTS - 1)];
  if (n && n <= WORD_MEMO_KEY && m->len == n && m->has_digit == s->words[w].has_digit &&
      !memcmp(m->key, key, n)) {
    u->cats = m->cats;
    u->value = m->value;
    return;
  }
  if (!verb_categories(s, w, &u->cats) && !stem_categories(s, w, u))
    cat_add(&u->cats, s->words[w].has_digit ? cats.number : cats.word);
  if (n && n <= WORD_MEMO_KEY) {
    m->len = (unsigned char)n;
    m->has_digit = (unsigned char)s->words[w].has_digit;
    memcpy(m->key, key, n);
    m->cats = u->cats;
    m->value = u->value;
  }
}

/* The value a unit takes from its mention: a medium, an offset, a weekday,
** a state (the first entry that carries one). */
static void take_value(unit *u, const mention *m) {
  const lex_entry *e;
  for (e = m->first; e; e = lexicon_next_entry(m->lex, e)) {
    if (e->kind != E_WORD) continue;
    if (e->country >= 0 && u->country < 0) u->country = e->country;
    if (e->value && !u->value) u->value = e->value;
  }
}

void units_of_sentence(const sentence *s, tagged *t) {
  int w = 0, m = 0;
  extract_categories();
  t->n = 0;
  while (w < s->n_words) {
    unit *u;
    cat_mask split = {{0, 0}};
    marks_before(t, s, w);
    while (m < s->n_mentions && s->mentions[m].w0 < w) m++;
    if (m < s->n_mentions && s->mentions[m].w0 == w) {
      const mention *mm = &s->mentions[m];
      if (!(u = new_unit(t, mm->w0, mm->w1, s))) break;
      u->mention = m;
      if (mm->kind == MK_DATE) {
        cat_add(&u->cats, cats.date);
      } else {
        u->cats = mm->cats;
        take_value(u, mm);
        /* a noun of the contact grammar that is also a past stem as it
        ** stands («نشست»: "a meeting", "sat") is the noun */
        if (mm->w1 == mm->w0 + 1 &&
            !(cat_any(&u->cats, &cats.grammar_nouns) &&
              verb_is_bare_past(s->key + s->words[w].key_start,
                                s->words[w].key_end - s->words[w].key_start)))
          verb_categories(s, w, &u->cats);
      }
      w = mm->w1 > w ? mm->w1 : w + 1;
      m++;
      continue;
    }
    if (!(m < s->n_mentions && s->mentions[m].w0 == w + 1) &&
        split_verb_categories(s, w, &split)) {
      if (!(u = new_unit(t, w, w + 2, s))) break;
      u->cats = split;
      w += 2;
      continue;
    }
    if (!(u = new_unit(t, w, w + 1, s))) break;
    word_categories(s, w, u);
    w++;
  }
  units_write_tags(t);
}

void units_write_tags(tagged *t) {
  static __thread unsigned long writes; /* rules.c keeps what it read of a version */
  int i, k;
  size_t len = 0;
  pthread_once(&bytes_once, load_bytes);
  memset(&t->all, 0, sizeof t->all);
  for (i = 0; i < t->n; i++) {
    const unit *u = &t->units[i];
    if (len + 2 + CAT_MAX >= TAG_BYTES) { /* a sentence this long is cut */
      t->n = i;
      break;
    }
    t->unit_off[i] = (uint16_t)len;
    t->tags[len++] = '<';
    for (k = 0; k < 2; k++) { /* the set bits only: a unit has a few categories */
      const char *bytes = category_bytes + 64 * k;
      char *out = t->tags + len;
      for (uint64_t bits = u->cats.w[k]; bits; bits &= bits - 1) *out++ = bytes[__builtin_ctzll(bits)];
      len = (size_t)(out - t->tags);
    }
    t->tags[len++] = '>';
    cat_or(&t->all, &u->cats);
  }
  t->tags[len] = 0;
  t->len = len;
  t->version = ++writes;
}
