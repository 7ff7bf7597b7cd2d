/*
** utf8.h — small inline helpers shared by the core's text scanners: a UTF-8
** decoder that never reads past the end and maps invalid bytes to U+FFFD,
** digit values in three scripts, and the Persian letter folds used for
** matching.  Internal to the core; not part of the public API.
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

/* Fold Arabic letter variants to the Persian letters used in lexicon keys:
** ي ى ئ‎(final) → ی, ك → ک, ة ۀ → ه, أ إ ٱ → ا; ASCII letters to lower case. */
static inline uint32_t tamas_fold_letter(uint32_t cp) {
  switch (cp) {
    case 0x064A: case 0x0649: return 0x06CC; /* ي ى → ی */
    case 0x0643: return 0x06A9;              /* ك → ک */
    case 0x0629: case 0x06C0: return 0x0647; /* ة ۀ → ه */
    case 0x0623: case 0x0625: case 0x0671: return 0x0627; /* أ إ ٱ → ا */
    default: break;
  }
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  return cp;
}

/* The common letters of Persian and Arabic text (ء…غ, ف…ي and پ چ ژ ک گ ی):
** word characters that are neither marks nor digits nor punctuation, so the
** scanners take them without the general tests.  Anything else goes the
** general way; the answer is the same. */
static inline int tamas_is_common_letter(uint32_t cp) {
  return (cp >= 0x0621 && cp <= 0x063A) || (cp >= 0x0641 && cp <= 0x064A) || cp == 0x067E ||
         cp == 0x0686 || cp == 0x0698 || cp == 0x06A9 || cp == 0x06AF || cp == 0x06CC;
}

/* Decode a two-byte character of the Arabic block (lead byte 0xD8-0xDB) at
** s[i], or return 0 when s[i] is not one. */
static inline uint32_t tamas_arabic_at(const unsigned char *s, size_t n, size_t i) {
  if (s[i] < 0xD8 || s[i] > 0xDB || i + 1 >= n || (s[i + 1] & 0xC0) != 0x80) return 0;
  return ((uint32_t)(s[i] & 0x1F) << 6) | (s[i + 1] & 0x3F);
}

/* The common letters of the Arabic block, folded (letters.c builds the
** table once; call tamas_common_folds_ready() before reading it): the two
** bytes of the folded form of the character at s[i], then the folded
** letter's index in the block (0-255, as tamas_arabic_index gives it), or
** NULL when it is not a common letter — the same as tamas_arabic_at,
** tamas_is_common_letter and tamas_fold_letter together, in one look-up. */
extern unsigned char tamas_common_folds[256][4];
void tamas_common_folds_ready(void);

/* The index in the block of the two-byte character p[0] p[1] (lead byte
** 0xD8-0xDB): the row of tamas_common_folds. */
static inline unsigned tamas_arabic_index(const unsigned char *p) {
  return (p[0] - 0xD8u) << 6 | (p[1] & 0x3Fu);
}

static inline const unsigned char *tamas_common_fold_at(const unsigned char *s, size_t n,
                                                        size_t i) {
  const unsigned char *f;
  if (s[i] - 0xD8u >= 4 || i + 1 >= n || (s[i + 1] & 0xC0) != 0x80) return NULL;
  f = tamas_common_folds[tamas_arabic_index(s + i)];
  return f[0] ? f : NULL;
}

/* The same, for a caller that knows s[i + 1] is there: both bytes are
** tested at once (lead 0xD8-0xDB, then a continuation byte). */
static inline const unsigned char *tamas_common_fold_pair(const unsigned char *p) {
  const unsigned char *f;
  unsigned pair = (unsigned)p[0] | (unsigned)p[1] << 8;
  if ((pair & 0xC0FCu) != 0x80D8u) return NULL;
  f = tamas_common_folds[(pair & 3u) << 6 | (pair >> 8 & 0x3Fu)];
  return f[0] ? f : NULL;
}

#endif /* TAMAS_UTF8_H */
