/*
** strset.c — sets of interned strings (the articles and the outlets of an
** entry or a contact): appended as reports come, made unique when the
** array fills, so that it holds at most about twice the distinct strings
** however many rows repeat them.  Strings are interned (contacts.c), so
** they compare by address.
*/
#include <stdlib.h>
#include <string.h>

#include "contacts_internal.h"

static int by_address(const void *a, const void *b) {
  const char *x = *(const char *const *)a, *y = *(const char *const *)b;
  return x < y ? -1 : x > y;
}

void strset_unique(strset *s) {
  size_t i, n = 0;
  if (s->n < 2) return;
  qsort(s->v, s->n, sizeof *s->v, by_address);
  for (i = 0; i < s->n; i++)
    if (n == 0 || s->v[n - 1] != s->v[i]) s->v[n++] = s->v[i];
  s->n = n;
}

int strset_add(strset *s, const char *p) {
  if (!p || !*p || (s->n > 0 && s->v[s->n - 1] == p)) return 1; /* a file's rows come together */
  if (s->n == s->cap) {
    strset_unique(s);
    if (s->n * 2 >= s->cap) { /* still at least half full: grow */
      size_t cap = s->cap ? s->cap * 2 : 1; /* most have one article, one outlet */
      const char **v = realloc(s->v, cap * sizeof *v);
      if (!v) return 0;
      s->v = v;
      s->cap = cap;
    }
  }
  s->v[s->n++] = p;
  return 1;
}

int strset_merge(strset *into, strset *from) {
  size_t i;
  if (into->n == 0) { /* take it whole */
    strset_free(into);
    *into = *from;
    memset(from, 0, sizeof *from);
    return 1;
  }
  for (i = 0; i < from->n; i++)
    if (!strset_add(into, from->v[i])) return 0;
  strset_free(from);
  return 1;
}

void strset_free(strset *s) {
  free(s->v);
  memset(s, 0, sizeof *s);
}
