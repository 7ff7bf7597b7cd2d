/*
** article_internal.h — what article.c and article_source.c share.
*/
#ifndef TAMAS_ARTICLE_INTERNAL_H
#define TAMAS_ARTICLE_INTERNAL_H

#include "tamas.h"

/* Fill a->source and a->cites from the body; 0 when out of memory. */
int tamas_article_find_sources(const char *text, tamas_article *a);

#endif /* TAMAS_ARTICLE_INTERNAL_H */
