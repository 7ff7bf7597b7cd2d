/*
** verbs.c — the verb reader (verbs.h).
**
** A verb form is written as prefixes, a stem and endings:
**
**   [ن] [می | ب] STEM [ENDING]       «نمیکنند» = ن + می + کن + ند
**
** with a present stem (verb_stems.tsv kind present or bare) taking a personal
** ending (م ی د یم ید ند; a bare stem also none), and a past stem taking one
** or none, «ه» for the participle (and an ending after it: «کردهاند»), or
** «ن» for the infinitive.  The reader tries the word as written first, then
** without «ن», so a stem that starts with «ن» («نوشت») stays a stem.  Stems
** are folded as text is (fold.h), so «آمد» is found in «امد».
*/
#include "verbs.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "data/hash.h"
#include "data/lexicon_data.h"
#include "data/tsv.h"
#include "fold.h"
#include "utf8.h"

#define STEM_MAX 32
#define SLOTS 1024 /* a power of two, over twice the stems */

enum { STEM_PRESENT = 1, STEM_PAST = 2, STEM_BARE = 4 };

typedef struct stem {
  char key[STEM_MAX];
  unsigned char len, kinds;
  char infinitive[40];
} stem;

static stem table[SLOTS];
static pthread_once_t once = PTHREAD_ONCE_INIT;


static stem *slot(const char *key, size_t n, int create) {
  uint32_t i;
  if (n == 0 || n >= STEM_MAX) return NULL;
  for (i = fnv1a(key, n) & (SLOTS - 1);; i = (i + 1) & (SLOTS - 1)) {
    stem *s = &table[i];
    if (s->len == 0) {
      if (!create) return NULL;
      memcpy(s->key, key, n);
      s->len = (unsigned char)n;
      return s;
    }
    if (s->len == n && memcmp(s->key, key, n) == 0) return s;
  }
}

static void load(void) {
  tsv_reader r;
  size_t used = 0;
  tsv_open(&r, TAMAS_LEX(verb_stems));
  while (tsv_next(&r)) {
    char key[STEM_MAX];
    size_t n;
    stem *s;
    unsigned kind = r.nfields < 2                                      ? 0
                    : r.len[1] == 7 && !memcmp(r.field[1], "present", 7) ? STEM_PRESENT
                    : r.len[1] == 4 && !memcmp(r.field[1], "past", 4)    ? STEM_PAST
                    : r.len[1] == 4 && !memcmp(r.field[1], "bare", 4)    ? STEM_PRESENT | STEM_BARE
                                                                       : 0;
    /* the loader of the ZWNJ repair (normalize_repair.c) reports bad rows */
    if (!kind || r.nfields < 3 || used >= SLOTS / 2) continue;
    n = fold_compact(r.field[0], r.len[0], key, sizeof key);
    if (!(s = slot(key, n, 1))) continue;
    if (!s->infinitive[0]) {
      size_t k = r.len[2] < sizeof s->infinitive - 1 ? r.len[2] : sizeof s->infinitive - 1;
      memcpy(s->infinitive, r.field[2], k);
      used++;
    }
    s->kinds |= (unsigned char)kind;
  }
}

static int starts(const char *s, size_t n, const char *p) {
  size_t k = strlen(p);
  return n >= k && memcmp(s, p, k) == 0;
}

static int ends(const char *s, size_t n, const char *p) {
  size_t k = strlen(p);
  return n >= k && memcmp(s + n - k, p, k) == 0;
}

/* The personal endings, longest first ("" last: no ending). */
static const char *const endings[] = {"\xdb\x8c\xd9\x85", "\xdb\x8c\xd8\xaf", "\xd9\x86\xd8\xaf",
                                      "\xd9\x85", "\xdb\x8c", "\xd8\xaf", ""};
#define N_ENDINGS (sizeof endings / sizeof endings[0])
/* the person of each ending of endings[] */
static const unsigned ending_person[] = {VF_FIRST, VF_SECOND, 0, VF_FIRST, VF_SECOND, 0, 0};
#define HEH "\xd9\x87"           /* ه */
#define NUN "\xd9\x86"           /* ن */
#define MI "\xd9\x85\xdb\x8c"    /* می */
#define BE "\xd8\xa8"            /* ب */
/* after the participle's «ه»: ام ای است ایم اید اند */
static const char *const perfect_endings[] = {
    "\xd8\xa7\xd9\x86\xd8\xaf", "\xd8\xa7\xdb\x8c\xd9\x85", "\xd8\xa7\xdb\x8c\xd8\xaf",
    "\xd8\xa7\xd8\xb3\xd8\xaa", "\xd8\xa7\xd9\x85", "\xd8\xa7\xdb\x8c", ""};
#define N_PERFECT (sizeof perfect_endings / sizeof perfect_endings[0])
static const unsigned perfect_person[] = {0, VF_FIRST, VF_SECOND, 0, VF_FIRST, VF_SECOND, 0};

/* A stem and an ending: the word after its prefixes; `prefix` is VF_PRESENT
** for «می», VF_SUBJUNCTIVE for «ب», 0 for none. */
static int read_stem(const char *s, size_t n, unsigned prefix, verb_form *out) {
  size_t e;
  for (e = 0; e < N_ENDINGS; e++) {
    size_t k = strlen(endings[e]);
    const stem *st;
    if (!ends(s, n, endings[e]) || n == k) continue;
    if (!(st = slot(s, n - k, 0))) continue;
    /* a stem of one letter («آ» of «آمدن»: «ا» folded) only after a prefix:
    ** «ایم», «اند» are no verbs of their own */
    if (n - k <= 2 && !prefix) continue;
    out->infinitive = st->infinitive;
    if (st->kinds & STEM_PAST) { /* «کرد», «میکرد»; «بکرد» is no form */
      if (prefix == VF_SUBJUNCTIVE) continue;
      /* a bare past stem and «ی» is a noun with its article far more often
      ** than «you did» in news: «نشستی», «گفتی» */
      if (!prefix && ending_person[e] == VF_SECOND && k == 2) continue;
      out->flags = (prefix == VF_PRESENT ? VF_PAST | VF_PROGRESSIVE : VF_PAST) | ending_person[e];
      return 1;
    }
    if (st->kinds & STEM_PRESENT) { /* needs an ending, unless bare */
      if (k == 0 && !(st->kinds & STEM_BARE)) continue;
      out->flags = (prefix == VF_PRESENT ? VF_PRESENT : VF_SUBJUNCTIVE) | ending_person[e];
      return 1;
    }
  }
  /* the participle «کرده», «کردهاند», and the infinitive «کردن» */
  for (e = 0; e < N_PERFECT; e++) {
    size_t k = strlen(perfect_endings[e]);
    const stem *st;
    if (n < k + 2 || !ends(s, n, perfect_endings[e]) || !ends(s, n - k, HEH)) continue;
    if ((st = slot(s, n - k - 2, 0)) && (st->kinds & STEM_PAST) && prefix != VF_SUBJUNCTIVE) {
      out->infinitive = st->infinitive;
      out->flags = VF_PARTICIPLE | (prefix == VF_PRESENT ? VF_PROGRESSIVE : 0) | perfect_person[e];
      return 1;
    }
  }
  if (!prefix && ends(s, n, NUN) && n > 2) {
    const stem *st = slot(s, n - 2, 0);
    if (st && (st->kinds & STEM_PAST)) {
      out->infinitive = st->infinitive;
      out->flags = VF_INFINITIVE;
      return 1;
    }
  }
  return 0;
}

/* The word after «ن» (or as written): with «می», with «ب», or bare. */
static int read_after_negation(const char *s, size_t n, verb_form *out) {
  if (starts(s, n, MI) && n > 4 && read_stem(s + 4, n - 4, VF_PRESENT, out)) return 1;
  if (read_stem(s, n, 0, out)) return 1;
  return starts(s, n, BE) && n > 2 && read_stem(s + 2, n - 2, VF_SUBJUNCTIVE, out);
}

static int read_verb(const char *key, size_t n, verb_form *out) {
  out->infinitive = NULL;
  out->flags = 0;
  if (read_after_negation(key, n, out)) return 1;
  if (starts(key, n, NUN) && n > 2 && read_after_negation(key + 2, n - 2, out)) {
    out->flags |= VF_NEGATIVE;
    return 1;
  }
  return 0;
}

/* Words come back again and again in news, and most are no verbs: each
** thread remembers what the words it read last were (a direct-mapped cache,
** one word a slot, the newest kept). */
#define MEMO_SLOTS 2048
#define MEMO_KEY 30
typedef struct memo {
  unsigned char len; /* 0: empty */
  char key[MEMO_KEY];
  int is_verb;
  verb_form form;
} memo;
static __thread memo memos[MEMO_SLOTS];

int verb_read(const char *key, size_t n, verb_form *out) {
  memo *m;
  pthread_once(&once, load);
  if (n == 0 || n > MEMO_KEY) return read_verb(key, n, out);
  m = &memos[fnv1a(key, n) & (MEMO_SLOTS - 1)];
  if (m->len == n && memcmp(m->key, key, n) == 0) {
    *out = m->form;
    return m->is_verb;
  }
  m->is_verb = read_verb(key, n, out);
  m->form = *out;
  m->len = (unsigned char)n;
  memcpy(m->key, key, n);
  return m->is_verb;
}

int verb_is_bare_past(const char *key, size_t n) {
  const stem *st;
  pthread_once(&once, load);
  return (st = slot(key, n, 0)) != NULL && (st->kinds & STEM_PAST);
}

int verb_prefix_apart(const char *key, size_t n) {
  return (n == 4 && !memcmp(key, MI, 4)) || (n == 6 && !memcmp(key, NUN MI, 6));
}

/* ---- nouns ------------------------------------------------------------------ */

static const char *const noun_endings[] = {
    "\xd9\x87\xd8\xa7\xdb\x8c\xdb\x8c", /* هایی */
    "\xd9\x87\xd8\xa7\xdb\x8c",           /* های */
    "\xd9\x87\xd8\xa7",                   /* ها */
    "\xd8\xa7\xdb\x8c",                   /* ای (after ه: «نامه‌ای») */
    "\xd8\xa7\xd8\xb4",                   /* اش */
    "\xdb\x8c",                           /* ی */
    "\xd8\xb4",                           /* ش */
};

static const char *const pronoun_clitics[] = {
    "\xd8\xa7\xd8\xb4",         /* اش */
    "\xd8\xb4\xd8\xa7\xd9\x86", /* شان */
    "\xd8\xb4",                 /* ش («همتای روسش»): after «شان», which ends in it too */
};

size_t pronoun_clitic(int k, const char **out) {
  if (k < 0 || (size_t)k >= sizeof pronoun_clitics / sizeof pronoun_clitics[0]) return 0;
  *out = pronoun_clitics[k];
  return strlen(pronoun_clitics[k]);
}

size_t noun_stem(const char *key, size_t n, int k) {
  size_t e;
  if (k < 0 || (size_t)k >= sizeof noun_endings / sizeof noun_endings[0]) return (size_t)-1;
  e = strlen(noun_endings[k]);
  if (n <= e + 2 || !ends(key, n, noun_endings[k])) return 0; /* two letters at least remain */
  return n - e;
}
