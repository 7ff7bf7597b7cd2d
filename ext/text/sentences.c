/*
** sentences.c — split text into sentences.
**
** A sentence ends after . ! ? ؟ ؛ … followed by white space or the end, and
** at a line break.  It does not end:
**   - inside «…» quotes (a quoted statement of several sentences stays whole,
**     up to QUOTE_MAX_BYTES, past which an unclosed quote is ignored);
**   - at a dot between digits (2.5, ۱.۵) — no white space follows it;
**   - after a single letter and a dot (initials and abbreviations: «ا.م»,
**     «ج. ا.»), which are not sentence ends in Persian news.
** Closing quotes and brackets after the mark stay with the sentence.
*/
#include "tamas.h"
#include "utf8.h"

#define QUOTE_MAX_BYTES 2000

/* What a byte says to the splitter: PASS for bytes of characters that neither
** end nor quote a sentence, FIRST_BYTE for the first byte of one that may
** (line ends, . ! ?, and « » … U+2029 whose UTF-8 starts 0xC2 or 0xE2), and
** SECOND_BYTE for the second byte of ؛ ؟ ۔ (0xD8 0x9B, 0xD8 0x9F, 0xDB 0x94),
** which the lead byte before it does not tell from a letter's. */
enum { PASS, FIRST_BYTE, SECOND_BYTE };
static const unsigned char notable[256] = {
    ['\n'] = FIRST_BYTE, ['\r'] = FIRST_BYTE, ['.'] = FIRST_BYTE, ['!'] = FIRST_BYTE,
    ['?'] = FIRST_BYTE, [0xC2] = FIRST_BYTE, [0xE2] = FIRST_BYTE,
    [0x94] = SECOND_BYTE, [0x9B] = SECOND_BYTE, [0x9F] = SECOND_BYTE};

/* The first byte at or after i that notable[] does not PASS, or end. */
#if defined(__SSE2__)
#include <emmintrin.h>
static size_t skip_plain(const unsigned char *u, size_t i, size_t end) {
  /* sixteen bytes at a time, compared with each byte notable[] marks; a
  ** lead 0xE2 only before … or U+2029 (E2 80 A6, E2 80 A9), not before a
  ** ZWNJ (E2 80 8C), which comes every few words */
#define MARKED(b) _mm_cmpeq_epi8(v, _mm_set1_epi8((char)(b)))
  for (; i + 18 <= end; i += 16) {
    __m128i v = _mm_loadu_si128((const __m128i *)(u + i));
    __m128i third = _mm_loadu_si128((const __m128i *)(u + i + 2));
    __m128i ascii = _mm_or_si128(_mm_or_si128(MARKED('\n'), MARKED('\r')),
                                 _mm_or_si128(_mm_or_si128(MARKED('.'), MARKED('!')), MARKED('?')));
    __m128i e2 = _mm_and_si128(MARKED(0xE2),
                               _mm_or_si128(_mm_cmpeq_epi8(third, _mm_set1_epi8((char)0xA6)),
                                            _mm_cmpeq_epi8(third, _mm_set1_epi8((char)0xA9))));
    __m128i leads = _mm_or_si128(MARKED(0xC2), e2);
    __m128i seconds = _mm_or_si128(_mm_or_si128(MARKED(0x94), MARKED(0x9B)), MARKED(0x9F));
    int bits = _mm_movemask_epi8(_mm_or_si128(ascii, _mm_or_si128(leads, seconds)));
    if (bits) return i + (size_t)__builtin_ctz((unsigned)bits);
  }
#undef MARKED
  while (i < end && notable[u[i]] == PASS) i++;
  return i;
}
#else
static size_t skip_plain(const unsigned char *u, size_t i, size_t end) {
  while (i + 1 < end && (notable[u[i]] | notable[u[i + 1]]) == PASS) i += 2;
  while (i < end && notable[u[i]] == PASS) i++;
  return i;
}
#endif

static uint32_t char_at(const char *t, size_t end, size_t i, size_t *cl) {
  return tamas_utf8_decode((const unsigned char *)t, end, i, cl);
}

static int is_mark(uint32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x061F || cp == 0x061B ||
         cp == 0x2026 || cp == 0x06D4;
}

static int is_closer(uint32_t cp) {
  return cp == 0xBB || cp == '"' || cp == 0x201D || cp == ')' || cp == ']';
}

static int is_blank(uint32_t cp) {
  return tamas_is_space(cp) || tamas_is_invisible(cp);
}

/* Is the dot at `i` the end of a one-letter abbreviation («ا.» after a space
** or at the start)? */
static int after_single_letter(const char *t, size_t start, size_t i) {
  size_t j = i, cl, k;
  uint32_t cp;
  if (j == start) return 0;
  do j--; while (j > start && ((unsigned char)t[j] & 0xC0) == 0x80);
  cp = char_at(t, i, j, &cl);
  if (!(cp >= 0x0621 && cp <= 0x06FF) && !((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z'))
    return 0;
  if (j == start) return 1;
  k = j;
  do k--; while (k > start && ((unsigned char)t[k] & 0xC0) == 0x80);
  cp = char_at(t, j, k, &cl);
  return is_blank(cp) || cp == '.';
}

int tamas_next_sentence(const char *text, size_t end, size_t *pos, tamas_span *s) {
  const unsigned char *u = (const unsigned char *)text;
  size_t i = *pos, cl, quote_start = 0;
  int depth = 0;
  while (i < end && is_blank(char_at(text, end, i, &cl))) i += cl;
  if (i >= end) {
    *pos = end;
    return 0;
  }
  s->start = i;
  while (i < end) {
    uint32_t cp;
    size_t next;
    /* Only characters that may end or quote a sentence are looked at; a
    ** quote too long ends when the next of them comes. */
    if ((i = skip_plain(u, i, end)) >= end) break;
    switch (notable[u[i]]) {
      case SECOND_BYTE: /* of ؛ ؟ ۔ when a lead byte is before it */
        if (i == s->start || (text[i - 1] != '\xD8' && text[i - 1] != '\xDB')) {
          i++;
          continue;
        }
        i--;
        break;
      default:
        break;
    }
    if (depth > 0 && i - quote_start > QUOTE_MAX_BYTES) depth = 0;
    cp = char_at(text, end, i, &cl);
    next = i + cl;
    if (cp == '\n' || cp == '\r' || cp == 0x2029) {
      s->end = i;
      break;
    }
    if (cp == 0xAB) { /* « */
      if (depth++ == 0) quote_start = i;
    } else if (cp == 0xBB && depth > 0) {
      /* «… .» closes a quoted statement that ended a sentence */
      if (--depth == 0 && i > s->start + 1 &&
          (is_mark((unsigned char)text[i - 1]) || (text[i - 2] == '\xD8' && text[i - 1] == '\x9F')) &&
          (next >= end || is_blank(char_at(text, end, next, &cl)))) {
        s->end = next;
        *pos = next;
        return 1;
      }
    }
    if (depth > 0 && i - quote_start > QUOTE_MAX_BYTES) depth = 0;
    if (is_mark(cp) && depth == 0 && !(cp == '.' && after_single_letter(text, s->start, i))) {
      size_t after = next, cl2;
      uint32_t c2;
      while (after < end && (is_mark(c2 = char_at(text, end, after, &cl2)) || is_closer(c2)))
        after += cl2;
      if (after >= end || is_blank(char_at(text, end, after, &cl2))) {
        s->end = after;
        *pos = after;
        return 1;
      }
    }
    i = next;
  }
  if (i >= end) s->end = end;
  *pos = i;
  /* trim trailing blanks */
  while (s->end > s->start && (text[s->end - 1] == ' ' || text[s->end - 1] == '\t')) s->end--;
  return 1;
}
