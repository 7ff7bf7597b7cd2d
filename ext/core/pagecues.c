/*
** pagecues.c — the page lexicons, loaded once per process from the copies
** compiled into the library (lexicon_data.S), and matched against lines in a
** compact folded form, so «پربازدید ها», «پربازدیدها» and «پربازديدها» are
** one cue.
*/
#include "pagecues.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "lexicon_data.h"
#include "tsv.h"
#include "utf8.h"

#define KEY_MAX 96

typedef struct cue {
  char key[KEY_MAX];
  size_t len;
  cue_kind kind;
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

size_t cue_fold(const char *s, size_t n, char *out, size_t cap) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0, len = 0, cl;
  if (cap == 0) return 0;
  tamas_common_folds_ready();
  while (i < n) {
    const unsigned char *f = tamas_common_fold_at(u, n, i);
    uint32_t cp;
    int digit;
    char buf[4];
    size_t k;
    if (f) { /* the usual case, quickly: a common letter */
      if (len + 2 >= cap) break;
      out[len] = (char)f[0];
      out[len + 1] = (char)f[1];
      len += 2;
      i += 2;
      continue;
    }
    cp = tamas_utf8_decode(u, n, i, &cl);
    digit = tamas_digit_value(cp);
    i += cl;
    if (tamas_is_space(cp) || tamas_is_invisible(cp) || tamas_is_ignorable_mark(cp))
      continue;
    if (digit >= 0) {
      buf[0] = (char)('0' + digit);
      k = 1;
    } else {
      k = tamas_utf8_encode(tamas_fold_letter(cp), buf);
    }
    if (len + k >= cap) break;
    memcpy(out + len, buf, k);
    len += k;
  }
  out[len] = 0;
  return len;
}

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
  tsv_open(&r, tamas_lex_page_cues, tamas_lex_page_cues_size);
  while (tsv_next(&r)) cap++;
  cues = calloc(cap ? cap : 1, sizeof *cues);
  if (!cues) return;
  tsv_open(&r, tamas_lex_page_cues, tamas_lex_page_cues_size);
  while (tsv_next(&r) && n_cues < cap) {
    cue *c = &cues[n_cues];
    if (r.nfields < 2) continue;
    c->kind = parse_kind(r.field[1], r.len[1]);
    c->len = cue_fold(r.field[0], r.len[0], c->key, sizeof c->key);
    if (c->kind != CUE_NONE && c->len > 0) n_cues++;
  }
}

static void load_sources(void) {
  tsv_reader r;
  size_t cap = 0;
  tsv_open(&r, tamas_lex_sources, tamas_lex_sources_size);
  while (tsv_next(&r)) {
    size_t pos = 0, n;
    const char *alt;
    cap++; /* the name itself */
    if (r.nfields > 1)
      while (tsv_alternative(r.field[1], r.len[1], &pos, &alt, &n)) cap++;
  }
  aliases = calloc(cap ? cap : 1, sizeof *aliases);
  if (!aliases) return;
  tsv_open(&r, tamas_lex_sources, tamas_lex_sources_size);
  while (tsv_next(&r)) {
    size_t pos = 0, n;
    const char *alt;
    char *name = malloc(r.len[0] + 1);
    if (!name) return;
    memcpy(name, r.field[0], r.len[0]);
    name[r.len[0]] = 0;
    aliases[n_aliases].name = name;
    aliases[n_aliases].len = cue_fold(r.field[0], r.len[0], aliases[n_aliases].key, KEY_MAX);
    n_aliases++;
    if (r.nfields > 1)
      while (tsv_alternative(r.field[1], r.len[1], &pos, &alt, &n) && n_aliases < cap) {
        aliases[n_aliases].name = name;
        aliases[n_aliases].len = cue_fold(alt, n, aliases[n_aliases].key, KEY_MAX);
        if (aliases[n_aliases].len > 0) n_aliases++;
      }
  }
}

/* The tables are built once and only read afterwards, so several threads
** may use them at once. */
static void load_all(void) {
  load_cues();
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

cue_kind cue_find(const char *folded, size_t n, cue_kind want, size_t *cue_end) {
  size_t i;
  pthread_once(&load_once, load_all);
  for (i = 0; i < n_cues; i++) {
    const cue *c = &cues[i];
    const char *hit;
    if (want == CUE_NONE ? c->kind == CUE_END : c->kind != want) continue;
    if (c->len > n) continue;
    if (c->kind == CUE_END) {
      if (memcmp(folded, c->key, c->len) != 0) continue;
      hit = folded;
    } else {
      hit = memmem(folded, n, c->key, c->len);
      if (!hit) continue;
    }
    if (cue_end) *cue_end = (size_t)(hit - folded) + c->len;
    return c->kind;
  }
  return CUE_NONE;
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
