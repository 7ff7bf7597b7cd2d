/*
** fold.c — the letter fold (fold.h): the table of the common letters, folded,
** for the fast paths of the scanners that fold words as they read them (the
** sentence scanner of extraction, the date reader), and the compact key of a
** phrase or line (fold_compact), for the lexicon loaders and the article
** reader's cue lines.  One fold, so every scanner finds what the others find.
*/
#include "fold.h"

#include <pthread.h>
#include <string.h>

#include "utf8.h"

unsigned char tamas_common_folds[256][4];
static pthread_once_t common_folds_once = PTHREAD_ONCE_INIT;

static void build_common_folds(void) {
  unsigned lead, cont;
  for (lead = 0xD8; lead <= 0xDB; lead++)
    for (cont = 0x80; cont <= 0xBF; cont++) {
      const unsigned char bytes[2] = {(unsigned char)lead, (unsigned char)cont};
      uint32_t cp = ((lead & 0x1Fu) << 6) | (cont & 0x3Fu);
      char folded[4];
      unsigned char *row;
      if (!tamas_is_common_letter(cp)) continue;
      tamas_utf8_encode(tamas_fold_letter(cp), folded); /* two bytes: the block's own */
      row = tamas_common_folds[tamas_arabic_index(bytes)];
      memcpy(row, folded, 2);
      row[2] = (unsigned char)tamas_arabic_index((const unsigned char *)folded);
    }
}

void tamas_common_folds_ready(void) { pthread_once(&common_folds_once, build_common_folds); }

size_t fold_compact(const char *s, size_t n, char *out, size_t cap) {
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
