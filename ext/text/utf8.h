/*
** utf8.h — small inline helpers shared by the core's text scanners: a UTF-8
** decoder that never reads past the end and maps invalid bytes to U+FFFD,
** digit values in three scripts, and classes of characters (spaces,
** invisible marks).  The letter fold is in fold.h.  Not part of the public
** API.
*/
#ifndef TAMAS_UTF8_H
#define TAMAS_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define TAMAS_REPLACEMENT_CHAR 0xFFFD

/* Decode one code point at s[i] (i < n).  Sets *len to the bytes consumed
** (at least 1).  Overlong forms, surrogates, values above U+10FFFF and
** truncated sequences decode as U+FFFD consuming one byte. */
static inline uint32_t tamas_utf8_decode(const unsigned char *s, size_t n,
                                         size_t i, size_t *len) {
  unsigned char c = s[i];
  uint32_t cp, min;
  size_t need, k;
  *len = 1;
  if (c < 0x80) return c;
  if (c >= 0xC2 && c <= 0xDF) { need = 1; cp = c & 0x1F; min = 0x80; }
  else if (c >= 0xE0 && c <= 0xEF) { need = 2; cp = c & 0x0F; min = 0x800; }
  else if (c >= 0xF0 && c <= 0xF4) { need = 3; cp = c & 0x07; min = 0x10000; }
  else return TAMAS_REPLACEMENT_CHAR;
  if (i + need >= n) return TAMAS_REPLACEMENT_CHAR; /* truncated */
  for (k = 1; k <= need; k++) {
    unsigned char cc = s[i + k];
    if ((cc & 0xC0) != 0x80) return TAMAS_REPLACEMENT_CHAR;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return TAMAS_REPLACEMENT_CHAR;
  *len = need + 1;
  return cp;
}

/* Encode cp into out (at least 4 bytes); returns the byte count. */
static inline size_t tamas_utf8_encode(uint32_t cp, char *out) {
  if (cp < 0x80) { out[0] = (char)cp; return 1; }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

/* Value of a decimal digit in ASCII, Persian (U+06F0..) or Arabic-Indic
** (U+0660..) script, or -1. */
static inline int tamas_digit_value(uint32_t cp) {
  if (cp >= '0' && cp <= '9') return (int)(cp - '0');
  if (cp >= 0x06F0 && cp <= 0x06F9) return (int)(cp - 0x06F0);
  if (cp >= 0x0660 && cp <= 0x0669) return (int)(cp - 0x0660);
  return -1;
}

/* Zero-width and direction marks that carry no letter: ZWNJ, ZWJ, LRM, RLM,
** the bidi embeddings and isolates, the BOM. */
static inline int tamas_is_invisible(uint32_t cp) {
  return cp == 0x200C || cp == 0x200D || cp == 0x200E || cp == 0x200F ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
         cp == 0xFEFF;
}

static inline int tamas_is_space(uint32_t cp) {
  return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0xA0 ||
         (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* Marks that are dropped inside words when matching: kashida (tatweel) and
** the Arabic harakat, tanwin, shadda, sukun, superscript alef, hamza marks. */
static inline int tamas_is_ignorable_mark(uint32_t cp) {
  return cp == 0x0640 || (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670;
}

#endif /* TAMAS_UTF8_H */
