/*
** fold.h — the one letter fold of tamas: how two spellings of a word are
** made one key before any look-up.  Every scanner (the sentence scanner of
** extraction, the date reader, the article reader's cue lines, the lexicon
** loaders) folds with these functions, so a word found in one is found in
** all.
*/
#ifndef TAMAS_FOLD_H
#define TAMAS_FOLD_H

#include <stddef.h>
#include <stdint.h>

/* Fold a letter to the one form keys are made of, the fold of the match key
** (tamas_match_key, fa_normalize(…, 'key')): ي ى ے ئ → ی; ك ڪ → ک;
** ة ۀ ۂ ۃ ھ ہ ە → ه; أ إ ٱ آ → ا; ؤ → و; ASCII letters to lower case. */
static inline uint32_t tamas_fold_letter(uint32_t cp) {
  switch (cp) {
    case 0x064A: case 0x0649: case 0x06D2: case 0x0626: return 0x06CC; /* ي ى ے ئ → ی */
    case 0x0643: case 0x06AA: return 0x06A9;                           /* ك ڪ → ک */
    case 0x0629: case 0x06C0: case 0x06C2: case 0x06C3:                /* ة ۀ ۂ ۃ */
    case 0x06BE: case 0x06C1: case 0x06D5: return 0x0647;              /* ھ ہ ە → ه */
    case 0x0623: case 0x0625: case 0x0671: case 0x0622: return 0x0627; /* أ إ ٱ آ → ا */
    case 0x0624: return 0x0648;                                        /* ؤ → و */
    default: break;
  }
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  return cp;
}

/* The common letters of Persian and Arabic text (ء…غ, ف…ي and پ چ ژ ک گ ی),
** and the Urdu and Kurdish forms the fold makes Persian (ڪ ھ ۀ ۂ ۃ ہ ے ە):
** word characters that are neither marks nor digits nor punctuation, so the
** scanners take them without the general tests.  Anything else goes the
** general way; the answer is the same. */
static inline int tamas_is_common_letter(uint32_t cp) {
  return (cp >= 0x0621 && cp <= 0x063A) || (cp >= 0x0641 && cp <= 0x064A) || cp == 0x067E ||
         cp == 0x0686 || cp == 0x0698 || cp == 0x06A9 || cp == 0x06AA || cp == 0x06AF ||
         cp == 0x06BE || (cp >= 0x06C0 && cp <= 0x06C3) || cp == 0x06CC || cp == 0x06D2 ||
         cp == 0x06D5;
}

/* Decode a two-byte character of the Arabic block (lead byte 0xD8-0xDB) at
** s[i], or return 0 when s[i] is not one. */
static inline uint32_t tamas_arabic_at(const unsigned char *s, size_t n, size_t i) {
  if (s[i] < 0xD8 || s[i] > 0xDB || i + 1 >= n || (s[i + 1] & 0xC0) != 0x80) return 0;
  return ((uint32_t)(s[i] & 0x1F) << 6) | (s[i + 1] & 0x3F);
}

/* The common letters of the Arabic block, folded (fold.c builds the
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

/* Fold s[0..n) into its compact key: letters folded (tamas_fold_letter),
** every digit to ASCII, and white space, ZWNJ and the other invisible marks,
** kashida and diacritics dropped.  Writes at most cap-1 bytes and a NUL;
** returns the length.  (Lexicon phrases and the article reader's cue lines
** are compared in this form.) */
size_t fold_compact(const char *s, size_t n, char *out, size_t cap);

#endif /* TAMAS_FOLD_H */
