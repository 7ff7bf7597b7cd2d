/*
** normalize_output.c — what both halves of the normaliser use: the output
** buffer with its offset map (normalize.c writes it, the ZWNJ repair in
** normalize_repair.c inserts into it) and the joining type of a letter,
** which says where a ZWNJ changes how a word is drawn.
*/
#include <stdint.h>
#include <stdlib.h>
#include <unicode/uchar.h>

#include "text_internal.h"

/* Joining type D (see text_internal.h). */
int norm_joins_next(uint32_t cp) {
  if (cp < 0x0620) return 0;
  return u_getIntPropertyValue((UChar32)cp, UCHAR_JOINING_TYPE) ==
         U_JT_DUAL_JOINING;
}

/* Room for `extra` more bytes (and the final NUL / map sentinel). */
int norm_obuf_reserve(obuf *b, size_t extra) {
  size_t cap;
  if (b->oom) return 0;
  if (b->cap - b->len >= extra) return 1;
  cap = b->cap;
  while (cap - b->len < extra) {
    if (cap > (SIZE_MAX / sizeof(size_t) - 1) / 2) {
      b->oom = 1;
      return 0;
    }
    cap *= 2;
  }
  {
    char *s = realloc(b->s, cap + 1);
    if (!s) {
      b->oom = 1;
      return 0;
    }
    b->s = s;
  }
  if (b->map) {
    size_t *m = realloc(b->map, (cap + 1) * sizeof *m);
    if (!m) {
      b->oom = 1;
      return 0;
    }
    b->map = m;
  }
  b->cap = cap;
  return 1;
}
