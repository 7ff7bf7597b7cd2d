/*
** tsv.h — reading the lexicon files under sql/lexicon/ once they are
** compiled into the library (data/lexicon_data.h).
**
** A lexicon file is UTF-8 text: the first non-comment line names the columns,
** every other line is one row of tab-separated fields, lines starting with '#'
** and empty lines are ignored.  Inside a field, '|' separates alternatives.
**
**   tsv_reader r;
**   tsv_open(&r, TAMAS_LEX(compounds));     (data/lexicon_data.h)
**   while (tsv_next(&r)) { ... r.field[0], r.len[0] ... r.nfields ... }
**
** A loader never drops a row in silence: a row it cannot use (an unknown
** kind, country or office code, too few fields) is reported with
** tsv_reject, and the build fails on it (tests/unit/test_lexicons.c, run by
** make before it links the library).
*/
#ifndef TAMAS_TSV_H
#define TAMAS_TSV_H

#include <stddef.h>
#include <string.h>

#define TSV_MAX_FIELDS 12

typedef struct tsv_reader {
  const char *file;                  /* the file's name, for tsv_reject */
  const char *p, *end;
  int header_done;
  int line;                          /* 1-based line number of the row */
  int nfields;
  const char *field[TSV_MAX_FIELDS]; /* not NUL-terminated: use len[] */
  size_t len[TSV_MAX_FIELDS];
} tsv_reader;

static inline void tsv_open(tsv_reader *r, const char *file, const char *data, size_t size) {
  r->file = file;
  r->p = data;
  r->end = data + size;
  r->header_done = 0;
  r->line = 0;
  r->nfields = 0;
}

/* Advance to the next data row; 0 at the end.  The header row is skipped. */
static inline int tsv_next(tsv_reader *r) {
  while (r->p < r->end) {
    const char *line = r->p, *eol = memchr(line, '\n', (size_t)(r->end - line));
    const char *stop, *f;
    if (!eol) eol = r->end;
    r->p = eol < r->end ? eol + 1 : r->end;
    r->line++;
    stop = eol;
    if (stop > line && stop[-1] == '\r') stop--;
    if (stop == line || line[0] == '#') continue;
    if (!r->header_done) {
      r->header_done = 1;
      continue;
    }
    r->nfields = 0;
    for (f = line; r->nfields < TSV_MAX_FIELDS;) {
      const char *tab = memchr(f, '\t', (size_t)(stop - f));
      const char *fe = tab ? tab : stop;
      r->field[r->nfields] = f;
      r->len[r->nfields] = (size_t)(fe - f);
      r->nfields++;
      if (!tab) break;
      f = tab + 1;
    }
    return 1;
  }
  return 0;
}

/* Split a field on '|': call with *pos = 0 first; returns 0 when done. */
static inline int tsv_alternative(const char *field, size_t len, size_t *pos,
                                  const char **alt, size_t *alt_len) {
  const char *bar;
  if (len == 0 || *pos > len) return 0;
  bar = memchr(field + *pos, '|', len - *pos);
  *alt = field + *pos;
  *alt_len = bar ? (size_t)(bar - *alt) : len - *pos;
  *pos = bar ? (size_t)(bar - field) + 1 : len + 1;
  return 1;
}

/* Report the current row as unusable (printf-style reason).  The reports
** of every loader of the process are kept, the first TSV_MAX_REJECTS of
** them in full; tsv_rejects counts them and writes them, one per line
** ("persons.tsv:12: unknown office 'x'"), to out (cap bytes, NUL-terminated;
** out may be NULL). */
#define TSV_MAX_REJECTS 64
void tsv_reject(const tsv_reader *r, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
size_t tsv_rejects(char *out, size_t cap);

#endif /* TAMAS_TSV_H */
