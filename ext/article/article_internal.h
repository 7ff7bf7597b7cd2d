/*
** article_internal.h — what the files of the article reader share: the page
** lexicons (sql/lexicon/page_cues.tsv and sources.tsv, loaded by pagecues.c)
** that lines are compared with in their compact folded form (text/fold.h),
** and the source finder of article_source.c.  Internal to ext/article/.
*/
#ifndef TAMAS_ARTICLE_INTERNAL_H
#define TAMAS_ARTICLE_INTERNAL_H

#include <stddef.h>

#include "tamas.h"

typedef enum cue_kind {
  CUE_NONE = 0,
  CUE_END,    /* closes the body */
  CUE_CHROME, /* page furniture */
  CUE_CODE,   /* the news-code label */
  CUE_DATE    /* the publication-date label */
} cue_kind;

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

/* Fill a->source and a->cites from the body; 0 when out of memory. */
int tamas_article_find_sources(const char *text, tamas_article *a);

#endif /* TAMAS_ARTICLE_INTERNAL_H */
