/*
** letters.c — the fold of the common letters as a table (utf8.h:
** tamas_common_fold_at), for the fast paths of the scanners that fold words
** as they read them: the sentence scanner (extract_scan.c) and the date
** reader (dateparse.c).  One table, so the two fold alike.
*/
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
