/*
** extract_scan.c — a sentence as words and mentions.
**
** The sentence is folded into a compact key (pagecues.c's folding: Persian
** letter forms unified, digits ASCII, spaces and ZWNJ dropped, punctuation
** kept as a separator byte that no phrase contains), with the byte where each
** word starts and ends.  Word by word, the longest lexicon phrase that
** starts at the word and ends at a word end becomes a mention (the built-in
** lexicon's walk over a word's letters is taken while they are folded, the
** rest of it when the word is read; the words inside a phrase are not looked
** up).  In a sentence with a contact word and a month name or digits that
** may be a numeric date, the dates are then found (dateparse.c) and take
** the place of the mentions in their words.  A scanned sentence can be kept
** and taken back (sentence_store), for a sentence read twice.
*/
#include <stdlib.h>
#include <string.h>

#include "calendar/dateparse.h"
#include "calendar/datewords.h"
#include "extract_internal.h"
#include "text/fold.h"
#include "text/utf8.h"
#include "text/verbs.h"

#define SEPARATOR 0x01
#define MATCH_UNKNOWN ((size_t)-1) /* a word's phrase not looked up yet */

const lex_entry *mention_category_entry(const mention *m, int cat) {
  const lex_entry *e;
  if (m->kind != MK_ENTRY || !cat_has(&m->cats, cat)) return NULL;
  for (e = m->first; e; e = lexicon_next_entry(m->lex, e))
    if (lexicon_entry_category(e) == cat) return e;
  return NULL;
}

static int is_word_char(uint32_t cp) {
  if (tamas_digit_value(cp) >= 0) return 1;
  if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') return 1;
  if (cp == 0x060C || cp == 0x061B || cp == 0x061F || cp == 0x06D4 ||
      (cp >= 0x066A && cp <= 0x066D))
    return 0;
  return (cp >= 0x0620 && cp <= 0x06FF) || (cp >= 0xFB50 && cp <= 0xFEFC) ||
         (cp >= 0x00C0 && cp <= 0x024F);
}

/* A pronoun clitic written after a ZWNJ («همتای روسی‌اش», «همتایان اروپایی‌شان»)
** is a word of its own (words.tsv reads it as «خود»): true when the text at i,
** just after the ZWNJ, is one (ext/text/verbs.c) and the word ends there. */
static int clitic_follows(const unsigned char *t, size_t end, size_t i) {
  const char *c;
  size_t n, cl;
  int k;
  for (k = 0; (n = pronoun_clitic(k, &c)) > 0; k++)
    if (i + n <= end && !memcmp(t + i, c, n))
      return i + n == end || !is_word_char(tamas_utf8_decode(t, end, i + n, &cl));
  return 0;
}

/* The built-in lexicon's walk over the letters of the word being folded
** (see fold_words): valid while every letter went the fast way.  Without a
** built-in double array the walk runs on one that leads nowhere, and is
** never valid. */
typedef struct letter_walk {
  const da_cell *cells; /* held apart from the array: stores to the key
                        ** would make the compiler read it again */
  int32_t sink, state;
  int valid, enabled;
} letter_walk;

/* Every walk over letters (symbols below 256) stays inside these cells. */
static const da_cell nowhere_cells[256];

static void walk_begin(letter_walk *lw) {
  const double_array *da = lexicon_array(lexicon_builtin());
  lw->enabled = da != NULL;
  lw->cells = da ? da->cells : nowhere_cells;
  lw->sink = da ? da->sink : 0;
  lw->state = 0;
  lw->valid = lw->enabled;
}

/* A word starts, unless the sentence has as many as it keeps (0). */
static inline int open_word(sentence *s, size_t key_start, size_t start, int *punct, int colons,
                            uint32_t *mark, int *quote) {
  word *w;
  if (s->n_words == MAX_WORDS) return 0;
  w = &s->words[s->n_words++];
  w->key_start = key_start;
  w->start = start;
  w->after_punct = *punct;
  w->punct = *mark;
  w->quote_before = *quote;
  *mark = 0;
  *quote = 0;
  w->has_digit = 0;
  s->matches[s->n_words - 1].found.len = MATCH_UNKNOWN; /* looked up when read */
  *punct = 0;
  return 1;
}

/* The word ends: its walk is handed on, and the next word's starts. */
static inline void end_word(sentence *s, size_t key_end, size_t end, letter_walk *lw) {
  word *w = &s->words[s->n_words - 1];
  w->key_end = key_end;
  w->end = end;
  s->lex_states[s->n_words - 1] = lw->valid ? lw->state : -1;
  lw->state = 0;
  lw->valid = lw->enabled;
}

/* Fold the sentence into s->key and s->words; ends[] marks the word ends.
** The built-in lexicon is walked over each word's common letters on the
** way (s->lex_states): those steps overlap the folding, where a walk of
** its own would wait for every cell it reads. */
static void fold_words(sentence *s) {
  const unsigned char *t = (const unsigned char *)s->text;
  const size_t end = s->end; /* locals: stores to key[] may alias any char */
  char *key = s->key;
  size_t i = s->start, cl, klen = 0, word_end = 0;
  int in_word = 0, punct = 0, colons = 0, quote = 0, w;
  uint32_t mark = 0;
  letter_walk lw;
  walk_begin(&lw);
  tamas_common_folds_ready();
  s->n_words = 0;
  while (i < end && klen + 8 < KEY_BYTES) {
    uint32_t cp;
    const unsigned char *f = tamas_common_fold_at(t, end, i);
    if (f) { /* the usual case, quickly: a run of common letters */
      /* the letters before `last` have both bytes in the text and room in the key */
      const size_t room = i + (KEY_BYTES - 8 - klen), last = end - 1 < room ? end - 1 : room;
      const da_cell *cells = lw.cells;
      int32_t state = lw.state;
      if (!in_word && !(in_word = open_word(s, klen, i, &punct, colons, &mark, &quote))) break;
      do {
        memcpy(key + klen, f, 2);
        state = da_cells_step_or_sink(cells, lw.sink, state, f[2]);
        klen += 2;
        i += 2;
      } while (i < last && (f = tamas_common_fold_pair(t + i)));
      lw.state = state;
      word_end = i;
      continue;
    }
    if (t[i] == ' ') { /* and a space between words */
      if (in_word) end_word(s, klen, word_end, &lw);
      in_word = 0;
      i++;
      continue;
    }
    cp = tamas_utf8_decode(t, end, i, &cl);
    if (cp == 0x200C && in_word && clitic_follows(t, end, i + cl)) {
      end_word(s, klen, word_end, &lw);
      in_word = 0;
      i += cl;
      continue;
    }
    if (tamas_is_ignorable_mark(cp) || (tamas_is_invisible(cp) && in_word)) {
      i += cl; /* inside a word: ZWNJ, kashida and harakat join it */
      continue;
    }
    if (is_word_char(cp)) {
      int d = tamas_digit_value(cp);
      if (!in_word && !(in_word = open_word(s, klen, i, &punct, colons, &mark, &quote))) break;
      lw.valid = 0; /* not a common letter: the look-up walks the word itself */
      if (d >= 0) key[klen++] = (char)('0' + d), s->words[s->n_words - 1].has_digit = 1;
      else klen += tamas_utf8_encode(tamas_fold_letter(cp), key + klen);
      i += cl;
      word_end = i;
      continue;
    }
    if (in_word) end_word(s, klen, word_end, &lw);
    in_word = 0;
    if (cp == 0xAB || cp == 0xBB || cp == '"' || cp == 0x201C || cp == 0x201D || cp == '\'' ||
        cp == 0x2018 || cp == 0x2019) {
      quote = 1; /* quotes: «آماده» است still reads as «آماده است» */
    } else if (!tamas_is_space(cp) && !tamas_is_invisible(cp)) {
      key[klen++] = SEPARATOR; /* phrases never cross punctuation */
      colons += cp == ':';
      punct = (cp == 0x060C || cp == ',' || cp == 0x061B || cp == ';') ? PUNCT_COMMA : PUNCT_OTHER;
      mark = cp;
    }
    i += cl;
  }
  if (in_word) end_word(s, klen, word_end, &lw);
  key[klen] = 0;
  s->key_len = klen;
  s->truncated = i < end;
  memset(s->ends, 0, klen + 1);
  for (w = 0; w < s->n_words; w++) s->ends[s->words[w].key_end] = 1;
}

static int word_at_byte(const sentence *s, size_t byte) {
  int w;
  for (w = 0; w < s->n_words; w++)
    if (s->words[w].end > byte) return w;
  return s->n_words;
}

static void add_mention(sentence *s, const mention *m) {
  if (s->n_mentions < MAX_MENTIONS) s->mentions[s->n_mentions++] = *m;
}

/* How read_mentions looks up a word's phrase (match_word). */
typedef struct matcher {
  const tamas_lexicon *base, *overlay; /* overlay NULL when it is empty */
  int32_t sink;                        /* of the built-in double array */
  int walked; /* s->lex_states holds the walks of this scan's folding */
} matcher;

static void matcher_init(matcher *mt, const tamas_lexicon *overlay, int walked) {
  const double_array *da;
  mt->base = lexicon_builtin();
  da = lexicon_array(mt->base);
  mt->sink = da ? da->sink : -1;
  mt->overlay = lexicon_entry_count(overlay) > 0 ? overlay : NULL; /* most are empty */
  mt->walked = walked;
}

/* The longest phrase of either lexicon at word w; the overlay's wins a tie. */
static void match_word(sentence *s, const matcher *mt, int w) {
  static const lex_match none;
  const word *wd = &s->words[w];
  word_match *wm = &s->matches[w];
  int32_t state = mt->walked ? s->lex_states[w] : -1;
  wm->lex = mt->base;
  if (state == mt->sink) /* most words: no phrase starts with them */
    wm->found = none;
  else if (state >= 0)
    lexicon_match_after(mt->base, state, s->key, s->key_len, s->ends, wd->key_start, wd->key_end,
                        &wm->found);
  else
    lexicon_match_at(mt->base, s->key, s->key_len, s->ends, wd->key_start, &wm->found);
  if (mt->overlay) {
    lex_match added;
    lexicon_match_at(mt->overlay, s->key, s->key_len, s->ends, wd->key_start, &added);
    if (added.len > 0 && added.len >= wm->found.len) {
      wm->lex = mt->overlay;
      wm->found = added;
    }
  }
}

/* A word that ends in a pronoun clitic written on to it («همتای ایرانیاش»):
** the adjective or state before the clitic, as fold_words reads «ایرانی‌اش»
** (two words) when a ZWNJ comes before it.  Only when no phrase matched the
** word, and only a state or its adjective: «تلاش» stays a word. */
static void match_before_clitic(sentence *s, const matcher *mt, int w) {
  const word *wd = &s->words[w];
  size_t n = wd->key_end - wd->key_start, c;
  const char *clitic;
  int k;
  for (k = 0; (c = pronoun_clitic(k, &clitic)) > 0; k++) {
    size_t stem_end = wd->key_end - c;
    lex_match m;
    if (n < c + 6 || memcmp(s->key + stem_end, clitic, c) != 0) continue;
    s->ends[stem_end] = 1;
    lexicon_match_at(mt->base, s->key, s->key_len, s->ends, wd->key_start, &m);
    s->ends[stem_end] = 0;
    if (m.len == stem_end - wd->key_start &&
        (m.kinds & ((1u << E_COUNTRY) | (1u << E_COUNTRY_ADJ)))) {
      s->matches[w].lex = mt->base;
      s->matches[w].found = m;
      return;
    }
  }
}

/* A word of digits alone that a space or the sentence's end follows: it
** can begin no numeric date («۱۴۰۱/۰۲/۲۴» has a mark after its first
** number), so a date there would need a month name. */
static int is_lone_number(const sentence *s, const word *wd) {
  size_t k;
  for (k = wd->key_start; k < wd->key_end; k++)
    if (s->key[k] < '0' || s->key[k] > '9') return 0;
  return wd->end >= s->end || s->text[wd->end] == ' ';
}

/* The words that can begin a date (datewords.h, date_start): every date
** starts with a number (in digits or in words), a month name or «ماه»,
** perhaps after a weekday (dateparse.c), or with the first word of a
** many-word entry.  The words are folded as the date reader folds them.
** Returns how many; a sentence with none has no date.  Every date shape
** also holds a month name or digits that may be a numeric date; *anchors_end
** is where the last word that may hold one ends (0: none, so no date). */
static int date_starts(const sentence *s, date_start *out, size_t *anchors_end) {
  int w, n = 0;
  *anchors_end = 0;
  dateword_ready();
  for (w = 0; w < s->n_words; w++) {
    const word *wd = &s->words[w];
    const char *key = s->key + wd->key_start;
    size_t len = wd->key_end - wd->key_start;
    int is_prefix = 0;
    const dateword *dw = NULL;
    if (!wd->has_digit) {
      if (!dateword_may_start(key, len)) continue; /* most words */
      dw = dateword_lookup_prefix(key, len, &is_prefix);
      if (!is_prefix &&
          !(dw && (dw->kind == DW_NUMBER || dw->kind == DW_MONTH_WORD ||
                   dw->kind == DW_JALALI_MONTH || dw->kind == DW_GREGORIAN_MONTH ||
                   dw->kind == DW_HIJRI_MONTH || dw->kind == DW_WEEKDAY)))
        continue;
    }
    /* a many-word entry may be a month; digits glued to letters may be a
    ** month's day or year */
    if (is_prefix || (dw && dateword_is_month(dw)) || (wd->has_digit && !is_lone_number(s, wd)))
      *anchors_end = wd->end;
    out[n].start = wd->start;
    out[n].end = wd->end;
    out[n].restart = wd->start > s->start && s->text[wd->start - 1] == ' ';
    n++;
  }
  return n;
}

/* Find the dates of the sentence that begin before `until` (no date holds
** its month or numeric digits past it); mark their words. */
static int find_dates(sentence *s, const date_start *starts, int n_starts, size_t until,
                      mention *dates, int max, unsigned char *date_word) {
  tamas_date_match dm;
  size_t from = s->start;
  int n = 0;
  while (n < max && from < until &&
         find_date_among(s->text, s->end, from, TAMAS_CAL_ANY, TAMAS_FIND_VALID, starts, n_starts,
                         &dm)) {
    mention *m = &dates[n++];
    int k;
    memset(m, 0, sizeof *m);
    m->kind = MK_DATE;
    m->date = dm;
    m->w0 = word_at_byte(s, dm.start);
    m->w1 = word_at_byte(s, dm.end - 1) + 1;
    if (m->w1 > s->n_words) m->w1 = s->n_words;
    for (k = m->w0; k < m->w1; k++) date_word[k] = 1;
    from = dm.end;
  }
  return n;
}

/* Mentions left to right: at each word the date that starts there, else
** the longest phrase.  A word's phrase is looked up when it is read: the
** words inside a phrase are not (a date may end inside one, so a later
** reading may look them up). */
/* A phrase of words only that ends inside a name starting after its first
** word — «ولی» (but) read across «و لی» before «لی چیانگ» (spaces fold away
** in a phrase): the name wins, and the phrase at word w is matched again,
** ending before it (perhaps as nothing). */
static void yield_to_name(sentence *s, const matcher *mt, int w, int w_end) {
  word_match *wm = &s->matches[w];
  size_t ks = s->words[w].key_start, end = ks + wm->found.len, i;
  unsigned char saved[KEY_BYTES + 1];
  int v;
  if (w_end - w < 2 || wm->found.kinds != (1u << E_WORD) || wm->lex != mt->base) return;
  for (v = w + 1; v < w_end; v++) {
    const word_match *nm = &s->matches[v];
    if (nm->found.len == MATCH_UNKNOWN) match_word(s, mt, v);
    if (nm->found.len > 0 && (nm->found.kinds & ~(1u << E_WORD)) &&
        s->words[v].key_start + nm->found.len > end)
      break;
  }
  if (v == w_end) return;
  for (i = s->words[v].key_start + 1; i <= end; i++) saved[i] = s->ends[i], s->ends[i] = 0;
  lexicon_match_at(mt->base, s->key, s->key_len, s->ends, ks, &wm->found);
  for (i = s->words[v].key_start + 1; i <= end; i++) s->ends[i] = saved[i];
}

static void read_mentions(sentence *s, const matcher *mt, const mention *dates, int n_dates,
                          const unsigned char *date_word) {
  int w, d = 0;
  s->n_mentions = 0;
  memset(&s->cats, 0, sizeof s->cats);
  for (w = 0; w < s->n_words;) {
    const word_match *wm;
    size_t ks = s->words[w].key_start;
    mention *m;
    int w0;
    if (date_word && date_word[w]) {
      while (d < n_dates && dates[d].w0 < w) d++;
      if (d < n_dates && dates[d].w0 == w) {
        add_mention(s, &dates[d]);
        w = dates[d].w1 > w ? dates[d].w1 : w + 1;
        d++;
      } else {
        w++;
      }
      continue;
    }
    wm = &s->matches[w];
    if (wm->found.len == MATCH_UNKNOWN) match_word(s, mt, w);
    if (wm->found.len == 0) match_before_clitic(s, mt, w);
    if (wm->found.len == 0) {
      w++;
      continue;
    }
    w0 = w;
    while (w < s->n_words && s->words[w].key_start < ks + wm->found.len) w++;
    yield_to_name(s, mt, w0, w);
    if (wm->found.len == 0) { /* nothing before the name */
      w = w0 + 1;
      continue;
    }
    w = w0;
    while (w < s->n_words && s->words[w].key_start < ks + wm->found.len) w++;
    if (s->n_mentions == MAX_MENTIONS) continue;
    m = &s->mentions[s->n_mentions++];
    memset(&m->date, 0, sizeof m->date);
    m->kind = MK_ENTRY;
    m->lex = wm->lex;
    m->first = wm->found.first;
    m->kinds = wm->found.kinds;
    m->cats = wm->found.cats;
    cat_or(&s->cats, &m->cats);
    m->w0 = w0;
    m->w1 = w;
  }
}

/* A contact word (of any kind) among the mentions: only such a sentence
** can hold an event, and only its dates are read. */
static int has_contact_cue(const sentence *s) {
  const categories *c = extract_categories();
  return cat_has(&s->cats, c->contact) || cat_has(&s->cats, c->letter) ||
         cat_has(&s->cats, c->welcome) || cat_has(&s->cats, c->trip);
}

/* The dates of a sentence whose words and phrases are read: only a sentence
** with a contact word needs them (they date events), and most of the cost
** of a sentence would be in finding them. */
static void read_dates(sentence *s, const tamas_lexicon *overlay, int walked) {
  unsigned char date_word[MAX_WORDS];
  date_start starts[MAX_WORDS];
  mention dates[16];
  int n_dates, n_starts;
  size_t anchors_end;
  if (!has_contact_cue(s)) return;
  n_starts = date_starts(s, starts, &anchors_end);
  /* words past the limit were not folded: the reader reads them all */
  if (s->truncated) anchors_end = s->end;
  if (anchors_end == 0) return;
  memset(date_word, 0, (size_t)s->n_words);
  n_dates = find_dates(s, s->truncated ? NULL : starts, n_starts, anchors_end, dates, 16,
                       date_word);
  if (n_dates > 0) {
    /* the walks of the folding are not kept with a sentence: a kept one's
    ** words are looked up from their start */
    matcher mt;
    matcher_init(&mt, overlay, walked);
    read_mentions(s, &mt, dates, n_dates, date_word);
  }
}

void scan_sentence_dates(sentence *s, const tamas_lexicon *overlay) {
  read_dates(s, overlay, 0); /* a kept sentence: its walks are gone */
}

void scan_sentence(sentence *s, const char *text, size_t start, size_t end,
                   const tamas_lexicon *overlay, int dates_too) {
  s->text = text;
  s->start = start;
  s->end = end;
  fold_words(s);
  matcher mt;
  matcher_init(&mt, overlay, 1);
  read_mentions(s, &mt, NULL, 0, NULL);
  if (dates_too) read_dates(s, overlay, 1);
}

/* ---- scanned sentences kept ---------------------------------------------- */

/* What a kept sentence holds besides its arrays. */
typedef struct kept_head {
  size_t start, end, key_len, size;
  int truncated, n_words, n_mentions;
  cat_mask cats;
} kept_head;

#define KEPT_ALIGN 16
#define KEPT_MAX_BYTES (256 * 1024) /* a lead of a few long sentences */

static size_t aligned(size_t n) { return (n + KEPT_ALIGN - 1) & ~(size_t)(KEPT_ALIGN - 1); }

/* The parts of a kept sentence, in order: head, key and ends (key_len + 1
** each), words, matches, mentions. */
static size_t kept_size(const kept_head *h) {
  return aligned(sizeof *h) + 2 * aligned(h->key_len + 1) +
         aligned((size_t)h->n_words * sizeof(word)) +
         aligned((size_t)h->n_words * sizeof(word_match)) +
         aligned((size_t)h->n_mentions * sizeof(mention));
}

/* One part between a sentence's field and the store, either way; returns
** where the next part is stored. */
static unsigned char *copy_part(unsigned char *stored, void *field, size_t n, int to_store) {
  if (to_store) memcpy(stored, field, n);
  else memcpy(field, stored, n);
  return stored + aligned(n);
}

/* Copy the sentence's parts into the store at p, or back (to_store 0).
** Keeping only reads the sentence. */
static void copy_parts(sentence *s, unsigned char *p, const kept_head *h, int to_store) {
  p += aligned(sizeof *h);
  p = copy_part(p, s->key, h->key_len + 1, to_store);
  p = copy_part(p, s->ends, h->key_len + 1, to_store);
  p = copy_part(p, s->words, (size_t)h->n_words * sizeof(word), to_store);
  p = copy_part(p, s->matches, (size_t)h->n_words * sizeof(word_match), to_store);
  copy_part(p, s->mentions, (size_t)h->n_mentions * sizeof(mention), to_store);
}

int sentence_keep(sentence_store *st, const sentence *s) {
  kept_head h = {s->start, s->end, s->key_len, 0, s->truncated, s->n_words, s->n_mentions, s->cats};
  h.size = kept_size(&h);
  if (st->len + h.size > KEPT_MAX_BYTES) return 0;
  if (st->len + h.size > st->cap) {
    size_t cap = st->cap ? st->cap : 16 * 1024;
    unsigned char *bigger;
    while (cap < st->len + h.size) cap *= 2;
    if (!(bigger = realloc(st->buf, cap))) return 0;
    st->buf = bigger;
    st->cap = cap;
  }
  memcpy(st->buf + st->len, &h, sizeof h);
  copy_parts((sentence *)s, st->buf + st->len, &h, 1);
  st->len += h.size;
  return 1;
}

int sentence_take_kept(sentence_store *st, sentence *s, const char *text, size_t start,
                       size_t end) {
  kept_head h;
  if (st->read >= st->len) return 0;
  memcpy(&h, st->buf + st->read, sizeof h);
  if (h.start != start || h.end != end) return 0;
  s->text = text;
  s->start = start;
  s->end = end;
  s->key_len = h.key_len;
  s->truncated = h.truncated;
  s->n_words = h.n_words;
  s->n_mentions = h.n_mentions;
  s->cats = h.cats;
  copy_parts(s, st->buf + st->read, &h, 0);
  st->read += h.size;
  return 1;
}

void sentence_store_free(sentence_store *st) {
  free(st->buf);
  memset(st, 0, sizeof *st);
}
