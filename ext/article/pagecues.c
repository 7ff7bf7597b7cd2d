/*
** pagecues.c — the page lexicons, loaded once per process from the copies
** compiled into the library (data/lexicon_data.h), and matched against lines in a
** compact folded form, so «پربازدید ها», «پربازدیدها» and «پربازديدها» are
** one cue.
*/
#include "article_internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "data/lexicon_data.h"
#include "data/tsv.h"
#include "text/fold.h"
#include "text/utf8.h"

#define KEY_MAX 96

typedef struct cue {
  char key[KEY_MAX];
  size_t len;
  cue_kind kind;
  int next; /* the next cue of its bucket (see inner_buckets), or -1 */
} cue;

typedef struct source_alias {
  char key[KEY_MAX];
  size_t len;
  char *name; /* canonical name, shared by the aliases of one source */
} source_alias;

static cue *cues;
static size_t n_cues;
static source_alias *aliases;
static size_t n_aliases;
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static cue_kind parse_kind(const char *s, size_t n) {
  if (n == 3 && memcmp(s, "end", 3) == 0) return CUE_END;
  if (n == 6 && memcmp(s, "chrome", 6) == 0) return CUE_CHROME;
  if (n == 4 && memcmp(s, "code", 4) == 0) return CUE_CODE;
  if (n == 4 && memcmp(s, "date", 4) == 0) return CUE_DATE;
  return CUE_NONE;
}

static void load_cues(void) {
  tsv_reader r;
  size_t cap = 0;
  tsv_open(&r, TAMAS_LEX(page_cues));
  while (tsv_next(&r)) cap++;
  cues = calloc(cap ? cap : 1, sizeof *cues);
  if (!cues) return;
  tsv_open(&r, TAMAS_LEX(page_cues));
  while (tsv_next(&r) && n_cues < cap) {
    cue *c = &cues[n_cues];
    c->kind = r.nfields < 2 ? CUE_NONE : parse_kind(r.field[1], r.len[1]);
    c->len = fold_compact(r.field[0], r.len[0], c->key, sizeof c->key);
    if (c->kind != CUE_NONE && c->len > 0) n_cues++;
    else if (c->kind == CUE_NONE) tsv_reject(&r, "kind must be end, chrome, code or date");
    else tsv_reject(&r, "an empty cue");
  }
}

/* The cues a line may hold anywhere (not the end cues, which start it),
** bucketed by a hash of their first two bytes: a line is scanned once, and
** at each byte only the cues of its pair's bucket are compared. */
#define CUE_BUCKETS 1024
static int inner_buckets[CUE_BUCKETS];

static unsigned pair_bucket(const char *k) {
  unsigned pair = (unsigned char)k[0] | (unsigned)(unsigned char)k[1] << 8;
  return (pair * 2654435761u) >> 22;
}

static void bucket_cues(void) {
  size_t i;
  for (i = 0; i < CUE_BUCKETS; i++) inner_buckets[i] = -1;
  for (i = n_cues; i-- > 0;) { /* pushed last first: each bucket in list order */
    cue *c = &cues[i];
    c->next = -1;
    if (c->kind == CUE_END || c->len < 2) continue;
    c->next = inner_buckets[pair_bucket(c->key)];
    inner_buckets[pair_bucket(c->key)] = (int)i;
  }
}

static void load_sources(void) {
  tsv_reader r;
  size_t cap = 0;
  tsv_open(&r, TAMAS_LEX(sources));
  while (tsv_next(&r)) {
    size_t pos = 0, n;
    const char *alt;
    cap++; /* the name itself */
    if (r.nfields > 1)
      while (tsv_alternative(r.field[1], r.len[1], &pos, &alt, &n)) cap++;
  }
  aliases = calloc(cap ? cap : 1, sizeof *aliases);
  if (!aliases) return;
  tsv_open(&r, TAMAS_LEX(sources));
  while (tsv_next(&r)) {
    size_t pos = 0, n;
    const char *alt;
    char *name = malloc(r.len[0] + 1);
    if (!name) return;
    memcpy(name, r.field[0], r.len[0]);
    name[r.len[0]] = 0;
    aliases[n_aliases].name = name;
    aliases[n_aliases].len = fold_compact(r.field[0], r.len[0], aliases[n_aliases].key, KEY_MAX);
    n_aliases++;
    if (r.nfields > 1)
      while (tsv_alternative(r.field[1], r.len[1], &pos, &alt, &n) && n_aliases < cap) {
        aliases[n_aliases].name = name;
        aliases[n_aliases].len = fold_compact(alt, n, aliases[n_aliases].key, KEY_MAX);
        if (aliases[n_aliases].len > 0) n_aliases++;
        else tsv_reject(&r, "an empty alias");
      }
  }
}

/* The tables are built once and only read afterwards, so several threads
** may use them at once. */
static void load_all(void) {
  load_cues();
  bucket_cues();
  load_sources();
}

/* SQLite unloads an extension (dlclose) when its connection closes; free
** the tables then, or each load and unload would leak them. */
__attribute__((destructor)) static void free_all(void) {
  size_t i;
  for (i = 0; i < n_aliases; i++)
    if (i == 0 || aliases[i].name != aliases[i - 1].name) free(aliases[i].name);
  free(aliases);
  free(cues);
}

void cue_scan(const char *folded, size_t n, cue_hits *out) {
  int first_at[256]; /* where each of the first 256 cues is first found, or -1 */
  size_t i, p;
  pthread_once(&load_once, load_all);
  memset(out, 0, sizeof *out);
  for (i = 0; i < n_cues && i < 256; i++) first_at[i] = -1;
  for (p = 0; p + 1 < n; p++) {
    int k;
    for (k = inner_buckets[pair_bucket(folded + p)]; k >= 0; k = cues[k].next)
      if (k < 256 && first_at[k] < 0 && cues[k].len <= n - p &&
          memcmp(folded + p, cues[k].key, cues[k].len) == 0)
        first_at[k] = (int)p;
  }
  for (i = 0; i < n_cues; i++) {
    const cue *c = &cues[i];
    const char *hit = NULL;
    if (c->kind == CUE_END) /* only at the start of a line */
      hit = c->len <= n && memcmp(folded, c->key, c->len) == 0 ? folded : NULL;
    else if (i < 256 && c->len >= 2)
      hit = first_at[i] >= 0 ? folded + first_at[i] : NULL;
    else /* past the table, or a one-byte cue: searched alone */
      hit = c->len <= n ? memmem(folded, n, c->key, c->len) : NULL;
    if (!hit) continue;
    switch (c->kind) {
      case CUE_END: out->end = 1; break;
      case CUE_CHROME: out->chrome = 1; break;
      case CUE_CODE: /* the first code cue of the list that is there */
        if (!out->code) out->code = 1, out->code_end = (size_t)(hit - folded) + c->len;
        break;
      case CUE_DATE: out->date = 1; break;
      default: break;
    }
  }
}

const char *source_find(const char *folded, size_t n, size_t *where) {
  const source_alias *best = NULL;
  size_t best_at = 0, i;
  pthread_once(&load_once, load_all);
  for (i = 0; i < n_aliases; i++) {
    const source_alias *a = &aliases[i];
    const char *hit = a->len <= n ? memmem(folded, n, a->key, a->len) : NULL;
    size_t at;
    if (!hit) continue;
    at = (size_t)(hit - folded);
    if (!best || at < best_at || (at == best_at && a->len > best->len)) {
      best = a;
      best_at = at;
    }
  }
  if (best && where) *where = best_at;
  return best ? best->name : NULL;
}
