/*
** extract_codes.c — romanised names of people the lexicon does not know
** (ICU's "Any-Latin; Latin-ASCII" transliterator), and copies of text cut at
** a character boundary.  (The CAMEO and PLOVER codes are in event_codes.c.)
*/
#include <stdio.h>
#include <string.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>

#include "extract_internal.h"

/* Copy text[0..n) into out[cap], cut at a character boundary. */
void copy_utf8(char *out, size_t cap, const char *text, size_t n) {
  if (cap == 0) return;
  if (n >= cap) {
    n = cap - 1;
    while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80) n--;
  }
  memcpy(out, text, n);
  out[n] = 0;
}

/* "wyjyta hrath" → "Wyjyta Hrath", as names are written. */
static void capitalise_words(char *s) {
  int start = 1;
  for (; *s; s++) {
    if (start && *s >= 'a' && *s <= 'z') *s = (char)(*s - 32);
    start = *s == ' ' || *s == '-';
  }
}

void romanise(const char *text, size_t n, char *out, size_t cap) {
  UErrorCode status = U_ZERO_ERROR;
  UChar src[256], id[] = u"Any-Latin; Latin-ASCII";
  int32_t len = 0, limit;
  UTransliterator *tr;
  if (cap == 0) return;
  out[0] = 0;
  u_strFromUTF8(src, 256, &len, text, (int32_t)n, &status);
  if (U_FAILURE(status) || len >= 256) {
    copy_utf8(out, cap, text, n);
    return;
  }
  tr = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
  if (U_FAILURE(status)) {
    copy_utf8(out, cap, text, n);
    return;
  }
  limit = len;
  utrans_transUChars(tr, src, &len, 256, 0, &limit, &status);
  utrans_close(tr);
  if (U_FAILURE(status)) {
    copy_utf8(out, cap, text, n);
    return;
  }
  u_strToUTF8(out, (int32_t)cap - 1, NULL, src, len, &status);
  out[cap - 1] = 0;
  if (U_FAILURE(status)) {
    copy_utf8(out, cap, text, n);
    return;
  }
  capitalise_words(out);
}
