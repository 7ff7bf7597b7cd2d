/*
** normalize_repair.c — rule 8 of tamas_normalize(): the ZWNJ repair, and
** the lexicons it reads.
**
**   «میکند» → «می‌کند», «مقامهای» → «مقام‌های», «بینالمللی» → «بین‌المللی»,
**   «می کند» → «می‌کند», «تنش ها» → «تنش‌ها», «منطقه ای» → «منطقه‌ای»
**
** The word stage of normalize.c calls in here at the end of each word:
** norm_repair_word() inserts the ZWNJs a word written run together certainly
** needs (a compound, می / نمی + verb form, a perfect participle, a noun +
** suffix), and norm_join_words() joins a suffix or a verb written as a word
** of its own to the word before it.  include/tamas.h lists the rules.
**
** The lexicons (verb stems, nouns, compounds, exceptions: TSV files under
** sql/lexicon/, compiled in, data/lexicon_data.h) are read into two hash tables
** once per process (norm_load_lexicons(), from the normaliser's
** pthread_once) and are read-only afterwards.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "data/hash.h"
#include "data/lexicon_data.h"
#include "text_internal.h"
#include "data/tsv.h"
#include "utf8.h"


/* ---------------------------------------------------------------------------
** Lexicons: open-addressing hash tables over UTF-8 keys
** ------------------------------------------------------------------------ */

/* Flags of a whole-word entry (table `words`). */
#define W_NOUN 1u      /* nouns.tsv */
#define W_EXCEPTION 2u /* zwnj_exceptions.tsv */
#define W_COMPOUND 4u  /* compounds.tsv; `zwnj` holds the ZWNJ offsets */

/* Flags of a stem (table `stems`). */
#define S_PRESENT 1u
#define S_PAST 2u
#define S_BARE 4u /* may stand with no ending after می («می‌توان») */

typedef struct lex_entry {
  const char *key; /* in the arena; NULL for an empty slot */
  uint32_t len;
  uint32_t flags;
  uint8_t zwnj[4]; /* W_COMPOUND: byte offsets in the key where a ZWNJ goes */
} lex_entry;

typedef struct lex_table {
  lex_entry *slot;
  size_t mask; /* slot count - 1 */
  /* A bit per (length, first byte pair, last byte pair) of the keys: most
  ** words of a text are in no lexicon and are turned away by one test. */
  uint64_t filter[1024];
} lex_table;

static unsigned filter_bit(const char *k, size_t n) {
  const unsigned char *u = (const unsigned char *)k;
  return (unsigned)((n * 31u + u[0] * 7u + u[1] + u[n - 2] * 131u + u[n - 1] * 17u) & 0xFFFF);
}


static const lex_entry *lex_get(const lex_table *t, const char *k, size_t n) {
  size_t i, probes;
  unsigned bit;
  if (!t->slot || n < 2) return NULL;
  bit = filter_bit(k, n);
  if (!(t->filter[bit >> 6] >> (bit & 63) & 1)) return NULL;
  for (i = fnv1a(k, n) & t->mask, probes = 0; probes <= t->mask;
       i = (i + 1) & t->mask, probes++) {
    const lex_entry *e = &t->slot[i];
    if (!e->key) return NULL;
    if (e->len == n && memcmp(e->key, k, n) == 0) return e;
  }
  return NULL;
}

/* Find or add an entry; NULL when the table is full or missing. */
static lex_entry *lex_put(lex_table *t, const char *k, size_t n) {
  size_t i, probes;
  if (!t->slot || n < 2 || n > UINT32_MAX) return NULL;
  for (i = fnv1a(k, n) & t->mask, probes = 0; probes <= t->mask;
       i = (i + 1) & t->mask, probes++) {
    lex_entry *e = &t->slot[i];
    if (!e->key) {
      unsigned bit = filter_bit(k, n);
      t->filter[bit >> 6] |= (uint64_t)1 << (bit & 63);
      e->key = k;
      e->len = (uint32_t)n;
      return e;
    }
    if (e->len == n && memcmp(e->key, k, n) == 0) return e;
  }
  return NULL;
}

static void lex_alloc(lex_table *t, size_t entries) {
  size_t size = 16;
  while (size < 2 * entries + 1) size *= 2;
  t->slot = calloc(size, sizeof *t->slot);
  t->mask = t->slot ? size - 1 : 0;
}

static size_t count_rows(const char *file, const char *data, size_t size) {
  tsv_reader r;
  size_t n = 0;
  tsv_open(&r, file, data, size);
  while (tsv_next(&r)) n++;
  return n;
}

static struct {
  lex_table words, stems;
  char *arena; /* the lexicon keys, folded and without ZWNJ */
  size_t arena_used, arena_size;
} G;

/* Copy a lexicon field into the arena as a key: ي ك folded to ی ک, ZWNJ
** removed.  With zwnj != NULL, also note where the ZWNJs stood (at most 4,
** each after a letter that joins the next one) and fail on a space; returns
** NULL when the field is empty or unusable. */
static const char *lex_key(const char *s, size_t n, size_t *klen,
                           uint8_t zwnj[4]) {
  char *out = G.arena + G.arena_used;
  size_t i = 0, k = 0, len;
  int nz = 0;
  uint32_t prev = 0;
  if (G.arena_size - G.arena_used < n) return NULL;
  while (i < n) {
    uint32_t cp = tamas_utf8_decode((const unsigned char *)s, n, i, &len);
    i += len;
    if (cp == ZWNJ) {
      if (!zwnj) continue;
      if (nz == 4 || k == 0 || k > 255 || !norm_joins_next(prev)) return NULL;
      zwnj[nz++] = (uint8_t)k;
      continue;
    }
    if (cp == TAMAS_REPLACEMENT_CHAR || (zwnj && cp == ' ')) return NULL;
    if (cp == 0x064A) cp = 0x06CC;
    if (cp == 0x0643) cp = 0x06A9;
    k += tamas_utf8_encode(cp, out + k);
    prev = cp;
  }
  if (k == 0) return NULL;
  G.arena_used += k;
  *klen = k;
  return out;
}

/* nouns.tsv, zwnj_exceptions.tsv: the word in the first column.  A noun
** written with a ZWNJ («راه‌حل») is also a compound: repaired when written
** run together, alone or before a suffix. */
static void load_words(const char *file, const char *data, size_t size, uint32_t flag) {
  tsv_reader r;
  tsv_open(&r, file, data, size);
  while (tsv_next(&r)) {
    uint8_t zwnj[4] = {0, 0, 0, 0};
    size_t klen;
    const char *k = lex_key(r.field[0], r.len[0], &klen, flag == W_NOUN ? zwnj : NULL);
    lex_entry *e = k ? lex_put(&G.words, k, klen) : NULL;
    if (!k) tsv_reject(&r, "not a word (a space, a misplaced ZWNJ or a bad byte)");
    if (!e) continue;
    e->flags |= flag;
    if (zwnj[0] && !(e->flags & W_COMPOUND)) {
      e->flags |= W_COMPOUND;
      memcpy(e->zwnj, zwnj, sizeof zwnj);
    }
  }
}

/* compounds.tsv: joined, correct.  The key is `correct` without its ZWNJs,
** and must equal `joined`. */
static void load_compounds(void) {
  tsv_reader r;
  tsv_open(&r, TAMAS_LEX(compounds));
  while (tsv_next(&r)) {
    uint8_t zwnj[4] = {0, 0, 0, 0};
    size_t klen, jlen, mark;
    const char *k, *j;
    lex_entry *e;
    if (r.nfields < 2) {
      tsv_reject(&r, "two fields needed: joined, correct");
      continue;
    }
    mark = G.arena_used;
    k = lex_key(r.field[1], r.len[1], &klen, zwnj);
    j = k ? lex_key(r.field[0], r.len[0], &jlen, NULL) : NULL;
    if (!j || jlen != klen || memcmp(j, k, klen) != 0 || !zwnj[0]) {
      G.arena_used = mark;
      tsv_reject(&r, "'correct' is not 'joined' with ZWNJs inserted");
      continue;
    }
    G.arena_used = mark + klen; /* keep k only */
    e = lex_put(&G.words, k, klen);
    if (!e) continue;
    e->flags |= W_COMPOUND;
    memcpy(e->zwnj, zwnj, sizeof zwnj);
  }
}

/* verb_stems.tsv: stem, kind (present | past | bare). */
static void load_stems(void) {
  tsv_reader r;
  tsv_open(&r, TAMAS_LEX(verb_stems));
  while (tsv_next(&r)) {
    uint32_t flag = 0;
    size_t klen;
    const char *k;
    lex_entry *e;
    if (r.nfields >= 2 && r.len[1] == 7 && memcmp(r.field[1], "present", 7) == 0) flag = S_PRESENT;
    else if (r.nfields >= 2 && r.len[1] == 4 && memcmp(r.field[1], "past", 4) == 0) flag = S_PAST;
    else if (r.nfields >= 2 && r.len[1] == 4 && memcmp(r.field[1], "bare", 4) == 0)
      flag = S_PRESENT | S_BARE;
    else {
      tsv_reject(&r, "kind must be present, past or bare");
      continue;
    }
    k = lex_key(r.field[0], r.len[0], &klen, NULL);
    e = k ? lex_put(&G.stems, k, klen) : NULL;
    if (e) e->flags |= flag;
  }
}

/* Read the four lexicons (once: see text_internal.h). */
void norm_load_lexicons(void) {
  G.arena_size = (size_t)tamas_lex_verb_stems_size + tamas_lex_nouns_size +
                 tamas_lex_compounds_size + tamas_lex_zwnj_exceptions_size;
  G.arena = malloc(G.arena_size);
  if (!G.arena) return; /* no lexicons: the rules that need them do nothing */
  lex_alloc(&G.words, count_rows(TAMAS_LEX(nouns)) +
                          count_rows(TAMAS_LEX(compounds)) +
                          count_rows(TAMAS_LEX(zwnj_exceptions)));
  lex_alloc(&G.stems, count_rows(TAMAS_LEX(verb_stems)));
  load_words(TAMAS_LEX(nouns), W_NOUN);
  load_words(TAMAS_LEX(zwnj_exceptions), W_EXCEPTION);
  load_compounds();
  load_stems();
}

/* SQLite unloads an extension (dlclose) when its connection closes; free
** the tables then, or each load and unload would leak them. */
__attribute__((destructor)) static void free_lexicons(void) {
  free(G.words.slot);
  free(G.stems.slot);
  free(G.arena);
}

/* ---------------------------------------------------------------------------
** Rule 8: ZWNJ repair of one word
**
** A word is handled as its letters in UTF-8 without any ZWNJ (`kb`, `kl`
** bytes); a rule marks the byte offsets in kb before which a ZWNJ belongs.
** ------------------------------------------------------------------------ */

/* A UTF-8 string with its length, for the small tables below. */
typedef struct str {
  const char *s;
  size_t n;
} str;
#define S(lit) {lit, sizeof(lit) - 1}

static int has_prefix(const char *s, size_t n, size_t at, str p) {
  return at + p.n <= n && memcmp(s + at, p.s, p.n) == 0;
}

static int has_suffix(const char *s, size_t n, str p) {
  return p.n <= n && memcmp(s + n - p.n, p.s, p.n) == 0;
}

static int equals_any(const char *s, size_t n, const str *list, size_t count) {
  size_t i;
  for (i = 0; i < count; i++)
    if (list[i].n == n && memcmp(s, list[i].s, n) == 0) return 1;
  return 0;
}

static unsigned stem_flags(const char *s, size_t n) {
  const lex_entry *e = n ? lex_get(&G.stems, s, n) : NULL;
  return e ? e->flags : 0;
}

static unsigned word_flags(const char *s, size_t n) {
  const lex_entry *e = lex_get(&G.words, s, n);
  return e ? e->flags : 0;
}

static const str MI = S("می"), NAMI = S("نمی"), NA = S("ن"), HEH = S("ه"),
                 DAL = S("د"), HEH_HEH_ALEF = S("هها"), YEH_HEH_ALEF = S("یها"),
                 MONTH = S("ماه");
static const str PERSONAL_ENDINGS[] = {S("م"), S("ی"), S("د"), S("یم"), S("ید"), S("ند")};
/* After a participle in ه: the perfect's endings, then two that are only
** certain after می («می‌کرده‌ای», «می‌کرده»). */
static const str PARTICIPLE_ENDINGS[] = {S("ام"), S("ایم"), S("اید"), S("اند"), S("ای"), S("")};
#define PERFECT_ENDINGS 4
static const str PREVERBS[] = {S(""), S("بر"), S("در"), S("باز"), S("فرا"),
                               S("فرو"), S("وا"), S("ور")};
static const str PLURAL_SUFFIXES[] = {S("ها"), S("های"), S("هایی"), S("هایش"),
                                      S("هایشان"), S("هایمان"), S("هایتان")};
/* After a listed word in silent ه: «بیانیه‌ای», «نامه‌اش», «آماده‌اند».  Not
** «ات» («اشتباهات», «توجهات» are Arabic plurals). */
static const str HEH_SUFFIXES[] = {S("ای"), S("اش"), S("ام"), S("ایم"), S("اید"), S("اند")};
/* Written as a word of their own after a word in ه («خانه ی», «منطقه ای»);
** not after a function word in ه, where «ای» is the vocative («که ای کاش»). */
static const str HEH_WORDS[] = {S("ی"), S("ای"), S("اش"), S("ات"),
                                S("ام"), S("ایم"), S("اید"), S("اند")};
static const str HEH_FUNCTION_WORDS[] = {S("همه"), S("اینکه"), S("آنکه"), S("بلکه"),
                                         S("چنانکه"), S("آنچه"), S("هرچه"), S("چنانچه")};

/* Does s[0..n) hold «ها» (ه then ا)?  Every suffix rule needs it, so it
** rules out most words at once. */
static int has_heh_alef(const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i;
  for (i = 1; i + 3 <= n; i++) /* ه = D9 87, ا = D8 A7 */
    if (u[i] == 0x87 && u[i + 2] == 0xA7 && u[i - 1] == 0xD9 && u[i + 1] == 0xD8) return 1;
  return 0;
}

/* Is s[0..n) a verb form that may follow می / نمی (after_mi), or a perfect
** participle with an ending (!after_mi)?  On success *zwnj is the offset in
** s of a ZWNJ the participle's ending needs («کرده‌اند»), or 0.
**   after می: present stem + ending, past stem + ending or none, bare stem,
**             past stem + ه [+ ام ای ایم اید اند];
**   alone:    past stem + ه + ام ایم اید اند («ای» is left out: «کردهای» is
**             also «کردهای» "the Kurds of"). */
static int parse_verb(const char *s, size_t n, int after_mi, size_t *zwnj) {
  size_t i;
  *zwnj = 0;
  /* the participle: past stem + ه + ending */
  for (i = 0; i < (after_mi ? COUNT(PARTICIPLE_ENDINGS) : PERFECT_ENDINGS); i++) {
    str e = PARTICIPLE_ENDINGS[i];
    if (n < e.n + HEH.n + 2 || !has_suffix(s, n, e) ||
        memcmp(s + n - e.n - HEH.n, HEH.s, HEH.n) != 0)
      continue;
    if (stem_flags(s, n - e.n - HEH.n) & S_PAST) {
      *zwnj = e.n ? n - e.n : 0;
      return 1;
    }
  }
  if (!after_mi) return 0;
  /* finite forms */
  if (stem_flags(s, n) & (S_PAST | S_BARE)) return 1;
  for (i = 0; i < COUNT(PERSONAL_ENDINGS); i++) {
    str e = PERSONAL_ENDINGS[i];
    unsigned f;
    if (n <= e.n || !has_suffix(s, n, e)) continue;
    f = stem_flags(s, n - e.n);
    if (f & (e.n == DAL.n && !memcmp(e.s, DAL.s, DAL.n) ? S_PRESENT : S_PRESENT | S_PAST))
      return 1;
  }
  return 0;
}

/* Compounds written run together: the lexicon says where the ZWNJs go. */
static int rule_compound(const lex_entry *e, unsigned char *ins) {
  int i;
  if (!e || !(e->flags & W_COMPOUND)) return 0;
  for (i = 0; i < 4 && e->zwnj[i]; i++) ins[e->zwnj[i]] = 1;
  return 1;
}

/* [preverb] + می / نمی + verb form: «میکند», «نمیخواهد», «برمیگردد». */
static int rule_mi_verb(const char *kb, size_t kl, unsigned char *ins) {
  size_t p;
  /* «می» starts within the first 5 letters, or the word is no such verb */
  for (p = 0; p + 4 <= kl && p <= 8; p += 2)
    if (memcmp(kb + p, MI.s, MI.n) == 0) break;
  if (p + 4 > kl || p > 8) return 0;
  for (p = 0; p < COUNT(PREVERBS); p++) {
    size_t at = PREVERBS[p].n, m, z;
    if (!has_prefix(kb, kl, 0, PREVERBS[p])) continue;
    if (has_prefix(kb, kl, at, MI)) m = at + MI.n;
    else if (has_prefix(kb, kl, at, NAMI)) m = at + NAMI.n;
    else continue;
    if (m >= kl || !parse_verb(kb + m, kl - m, 1, &z)) continue;
    ins[m] = 1;
    if (z) ins[m + z] = 1;
    return 1;
  }
  return 0;
}

/* [ن] + past stem + ه + ام/ایم/اید/اند: «بودهاند», «نکردهاند». */
static int rule_perfect(const char *kb, size_t kl, unsigned char *ins) {
  size_t at, z;
  for (at = 0; at <= NA.n; at += NA.n) {
    if (at && !has_prefix(kb, kl, 0, NA)) break;
    if (parse_verb(kb + at, kl - at, 0, &z) && z) {
      ins[at + z] = 1;
      return 1;
    }
  }
  return 0;
}

/* Noun + ها/های/… or, after a silent ه, + ای/اش/ام/ایم/اید/اند, where the
** noun is listed (nouns.tsv, or a compound) and only one split of the word
** is possible; without a listed noun, only a word ending in «هها» or «یها»
** (two letters at least before ها). */
static int rule_suffix(const char *kb, size_t kl, unsigned wf, unsigned char *ins) {
  size_t i, split = 0;
  int splits = 0;
#define CANDIDATE(at)                                         \
  do {                                                        \
    if (splits == 0 || split != (at)) splits++, split = (at); \
  } while (0)
  if (wf & W_NOUN) return 0; /* the whole word is a noun */
  for (i = 0; i < COUNT(PLURAL_SUFFIXES); i++) {
    str sfx = PLURAL_SUFFIXES[i];
    if (kl > sfx.n && has_suffix(kb, kl, sfx) &&
        (word_flags(kb, kl - sfx.n) & (W_NOUN | W_COMPOUND)))
      CANDIDATE(kl - sfx.n);
  }
  for (i = 0; i < COUNT(HEH_SUFFIXES); i++) {
    str sfx = HEH_SUFFIXES[i];
    if (kl > sfx.n + HEH.n && has_suffix(kb, kl, sfx) &&
        memcmp(kb + kl - sfx.n - HEH.n, HEH.s, HEH.n) == 0 &&
        (word_flags(kb, kl - sfx.n) & (W_NOUN | W_COMPOUND)))
      CANDIDATE(kl - sfx.n);
  }
  if (kl >= 8 && (has_suffix(kb, kl, HEH_HEH_ALEF) || has_suffix(kb, kl, YEH_HEH_ALEF)))
    CANDIDATE(kl - 4);
#undef CANDIDATE
  if (splits != 1) return 0;
  ins[split] = 1;
  rule_compound(lex_get(&G.words, kb, split), ins); /* «برنامه‌ریزی‌ها» */
  return 1;
}

/* The code point that ends at byte `at` of s. */
static uint32_t cp_before(const char *s, size_t at) {
  size_t i = at, len;
  if (at == 0) return 0;
  do i--;
  while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80);
  return tamas_utf8_decode((const unsigned char *)s, at, i, &len);
}

/* Rewrite the current word (the tail of the output) with a ZWNJ before
** each marked offset of its key, where there is none yet and the letter
** before joins the next one.  Existing ZWNJs stay. */
static void insert_zwnj(norm *n, const unsigned char *ins) {
  obuf *b = &n->out;
  size_t i, k = 0, add = 0;
  char tmp[WORD_MAX_BYTES * 3];
  size_t tmap[WORD_MAX_BYTES * 3], t = 0;
  int zwnj_before = 0;
  for (i = n->cur.start; i < n->cur.end;) {
    size_t len = 1;
    uint32_t cp = tamas_utf8_decode((const unsigned char *)b->s, b->len, i, &len);
    if (cp == ZWNJ) {
      zwnj_before = 1;
    } else {
      if (k > 0 && ins[k] && !zwnj_before && norm_joins_next(cp_before(b->s, i))) {
        memcpy(tmp + t, ZWNJ_UTF8, 3);
        tmap[t] = tmap[t + 1] = tmap[t + 2] = b->map ? b->map[i] : 0;
        t += 3;
        add++;
      }
      zwnj_before = 0;
      k += len;
    }
    memcpy(tmp + t, b->s + i, len);
    if (b->map) memcpy(tmap + t, b->map + i, len * sizeof *tmap);
    t += len;
    i += len;
  }
  if (!add) return;
  b->len = n->cur.start;
  if (!norm_obuf_reserve(b, t)) return;
  memcpy(b->s + b->len, tmp, t);
  if (b->map) memcpy(b->map + b->len, tmap, t * sizeof *tmap);
  b->len += t;
  n->cur.end = b->len;
}

/* Copy the word at s[0..n) without its ZWNJs into kb (at least n bytes). */
static size_t strip_zwnj(const char *s, size_t n, char *kb) {
  size_t i = 0, k = 0;
  while (i < n) {
    if (s[i] == '\xE2' && i + 3 <= n && memcmp(s + i, ZWNJ_UTF8, 3) == 0) {
      i += 3;
      continue;
    }
    kb[k++] = s[i++];
  }
  return k;
}

/* The ZWNJs a word written run together needs (text_internal.h). */
void norm_repair_word(norm *n) {
  const char *w = n->out.s + n->cur.start;
  size_t wl = n->cur.end - n->cur.start, kl;
  char buf[WORD_MAX_BYTES];
  const char *kb;
  unsigned char ins[WORD_MAX_BYTES + 1];
  const lex_entry *e;
  unsigned wf;
  if (wl > WORD_MAX_BYTES || wl < 4) return;
  if (memchr(w, 0xE2, wl)) { /* a ZWNJ in the word */
    kl = strip_zwnj(w, wl, buf);
    kb = buf;
  } else {
    kl = wl;
    kb = w;
  }
  e = lex_get(&G.words, kb, kl);
  wf = e ? e->flags : 0;
  if (wf & W_EXCEPTION) return;
  memset(ins, 0, kl + 1);
  if (rule_compound(e, ins) || rule_mi_verb(kb, kl, ins) ||
      (has_heh_alef(kb, kl) &&
       (rule_perfect(kb, kl, ins) || rule_suffix(kb, kl, wf, ins))))
    insert_zwnj(n, ins);
}

/* ---------------------------------------------------------------------------
** Rule 8: a suffix or a verb written as a word of its own
** ------------------------------------------------------------------------ */

/* Open a gap of `k` bytes at `at` (moving the tail), or close one (k < 0). */
static int obuf_shift(obuf *b, size_t at, long k) {
  size_t tail = b->len - at;
  if (k > 0 && !norm_obuf_reserve(b, (size_t)k)) return 0;
  if (k > 0) {
    memmove(b->s + at + k, b->s + at, tail);
    if (b->map) memmove(b->map + at + k, b->map + at, tail * sizeof *b->map);
    b->len += (size_t)k;
  } else if (k < 0) {
    size_t d = (size_t)-k;
    memmove(b->s + at, b->s + at + d, tail - d);
    if (b->map) memmove(b->map + at, b->map + at + d, (tail - d) * sizeof *b->map);
    b->len -= d;
  }
  return 1;
}

static int tok_equals(const norm *n, const tok *t, str s) {
  return t->end - t->start == s.n && memcmp(n->out.s + t->start, s.s, s.n) == 0;
}

/* Tokens a and b separated by exactly one space. */
static int spaced(const norm *n, const tok *a, const tok *b) {
  return a->kind != TK_NONE && a->end + 1 == b->start && n->out.s[a->end] == ' ';
}

static size_t count_letters(const char *s, size_t n) {
  size_t i, c = 0;
  for (i = 0; i < n; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80 && (unsigned char)s[i] != 0xE2) c++;
  return c;
}

/* s[0..n) as a match key has it: without the characters keys drop (ZWNJ,
** ZWJ, direction marks, embeddings and isolates, soft hyphen), and with the
** key's letter folds (ۀ ة → ه, آ أ إ ٱ → ا, ئ → ی, ؤ → و; all two bytes to
** two bytes).  out holds n bytes. */
static size_t key_letters(const char *s, size_t n, char *out) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0, k = 0;
  while (i < n) {
    if (u[i] == 0xE2 && i + 2 < n &&
        ((u[i + 1] == 0x80 && ((u[i + 2] >= 0x8C && u[i + 2] <= 0x8F) ||
                               (u[i + 2] >= 0xAA && u[i + 2] <= 0xAE))) ||
         (u[i + 1] == 0x81 && u[i + 2] >= 0xA6 && u[i + 2] <= 0xA9))) {
      i += 3;
      continue;
    }
    if (u[i] == 0xC2 && i + 1 < n && u[i + 1] == 0xAD) {
      i += 2;
      continue;
    }
    out[k++] = s[i++];
  }
  for (i = 0; i + 1 < k; i++) {
    unsigned char a = (unsigned char)out[i], b = (unsigned char)out[i + 1];
    if ((a == 0xDB && b == 0x80) || (a == 0xD8 && b == 0xA9)) out[i] = '\xD9', out[i + 1] = '\x87';
    else if (a == 0xD8 && (b == 0xA2 || b == 0xA3 || b == 0xA5)) out[i + 1] = '\xA7';
    else if (a == 0xD9 && b == 0xB1) out[i] = '\xD8', out[i + 1] = '\xA7';
    else if (a == 0xD8 && b == 0xA6) out[i] = '\xDB', out[i + 1] = '\x8C';
    else if (a == 0xD8 && b == 0xA4) out[i] = '\xD9', out[i + 1] = '\x88';
    if (a >= 0xC0) i++;
  }
  return k;
}

/* Is s[0..n) one of the words of list, compared as match keys compare?  A
** word that stops a join must stop it in the text and in its key alike, or
** key(normalize(x)) would differ from key(x) (found by fuzz_normalize:
** «ه‌مه ی», «ۀمه ی»). */
static int key_equals_any(const char *s, size_t n, const str *list, size_t count) {
  char kb[WORD_MAX_BYTES], lb[WORD_MAX_BYTES];
  size_t i, kl;
  if (n > WORD_MAX_BYTES) return 0;
  kl = key_letters(s, n, kb);
  for (i = 0; i < count; i++)
    if (list[i].n <= WORD_MAX_BYTES && key_letters(list[i].s, list[i].n, lb) == kl &&
        memcmp(lb, kb, kl) == 0)
      return 1;
  return 0;
}

/* Join the current word to the word before it where the space between them
** stands for a ZWNJ (or for nothing, after a letter that does not join). */
void norm_join_words(norm *n) {
  obuf *b = &n->out;
  tok *a = &n->t1, *c = &n->cur;
  const char *as = b->s + a->start, *cs = b->s + c->start;
  size_t al = a->end - a->start, cl = c->end - c->start;
  int zwnj = 0;
  if (a->kind != TK_WORD || !spaced(n, a, c) || cl > WORD_MAX_BYTES) return;
  if (tok_equals(n, a, MI) || tok_equals(n, a, NAMI)) {
    /* «می کند»; but «می» after a number or «ماه» is the month of May */
    char kb[WORD_MAX_BYTES];
    size_t kl = strip_zwnj(cs, cl, kb), z;
    if (spaced(n, &n->t2, a) &&
        (n->t2.kind == TK_NUM ||
         key_equals_any(b->s + n->t2.start, n->t2.end - n->t2.start, &MONTH, 1)))
      return;
    if (!parse_verb(kb, kl, 1, &z)) {
      /* a key has folded a stem's آ to ا («می آمد» → «امد»); the normalised
      ** text joins «می‌آمد», so the key must join it too (found by
      ** tests/fuzz/fuzz_normalize).  Stems have آ only at the start. */
      if (!n->key || kl < 2 || kb[0] != '\xD8' || kb[1] != '\xA7') return;
      kb[1] = '\xA2';
      if (!parse_verb(kb, kl, 1, &z)) return;
    }
    zwnj = 1;
  } else if (cl <= 12 && cs[0] == '\xD9' &&
             equals_any(cs, cl, PLURAL_SUFFIXES, COUNT(PLURAL_SUFFIXES))) {
    if (count_letters(as, al) < 2) return;
    zwnj = norm_joins_next(cp_before(as, al));
  } else if (cl <= 6 && (cs[0] == '\xD8' || cs[0] == '\xDB') &&
             equals_any(cs, cl, HEH_WORDS, COUNT(HEH_WORDS))) {
    if (count_letters(as, al) < 3 || !has_suffix(as, al, HEH) ||
        key_equals_any(as, al, HEH_FUNCTION_WORDS, COUNT(HEH_FUNCTION_WORDS)))
      return;
    zwnj = 1;
  } else {
    return;
  }
  if (n->key) zwnj = 0;
  if (zwnj) {
    size_t m = b->map ? b->map[a->end] : 0;
    if (!obuf_shift(b, a->end + 1, 2)) return;
    memcpy(b->s + a->end, ZWNJ_UTF8, 3);
    if (b->map) b->map[a->end + 1] = b->map[a->end + 2] = m;
  } else {
    obuf_shift(b, a->end, -1);
  }
  c->start = a->start;
  c->end = b->len;
  n->t1 = n->t2;
  n->t2.kind = TK_NONE;
}
