/*
** pagecues.h — the page lexicons the article reader uses (sql/lexicon/
** page_cues.tsv and sources.tsv), and the compact folded form in which lines
** are compared with them.  Internal to the core.
*/
#ifndef TAMAS_PAGECUES_H
#define TAMAS_PAGECUES_H

#include <stddef.h>

typedef enum cue_kind {
  CUE_NONE = 0,
  CUE_END,    /* closes the body */
  CUE_CHROME, /* page furniture */
  CUE_CODE,   /* the news-code label */
  CUE_DATE    /* the publication-date label */
} cue_kind;

/* Fold s[0..n) for matching: Arabic letter variants to Persian (ي→ی, ك→ک),
** ASCII letters to lower case, every digit to ASCII, and white space, ZWNJ,
** kashida and diacritics dropped.  Writes at most cap-1 bytes and a NUL;
** returns the length. */
size_t cue_fold(const char *s, size_t n, char *out, size_t cap);

/* The cues of a folded line, in one pass: whether it starts with an end cue
** and holds a chrome, code or date cue; for a code cue, where the first of
** the list that the line holds ends (the news code follows it). */
typedef struct cue_hits {
  int end, chrome, code, date;
  size_t code_end;
} cue_hits;
void cue_scan(const char *folded, size_t n, cue_hits *out);

/* The canonical name of the known source that occurs earliest in a folded
** phrase (the longest alias on ties), or NULL. */
const char *source_find(const char *folded, size_t n, size_t *where);

#endif /* TAMAS_PAGECUES_H */
