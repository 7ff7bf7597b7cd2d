/*
** article.c — the article reader: from the text of one scraped news page,
** the headline, publication date, source, news code and body.
**
** A page is read line by line.  Each line gets a kind from its shape and the
** cue words of sql/lexicon/page_cues.tsv:
**
**   blank      nothing but white space
**   end        «انتهای پیام», «ارسال نظر», «اخبار مرتبط» …: the body stops here
**   chrome     menus, labels, buttons, counters: «کد خبر: …», «تماس با ما», «T T»
**   date       a header date line: a date with day and year and few other words
**   ticker     a long run of headlines with no sentence punctuation (only
**              before the body starts)
**   headline   3–30 words with no closing punctuation
**   paragraph  anything else: sentences
**
** The body runs from the first paragraph to the first end line (or a run of
** three or more headlines, the shape of a related-news list), keeping the
** paragraphs and headlines in between except the title.  The title is the
** first headline before the second paragraph (pages put the lead before or
** after the headline); a short kicker line («روتیتر») right above another
** headline gives way to it.
*/
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "article_internal.h"
#include "tamas.h"
#include "text/fold.h"
#include "text/utf8.h"

typedef enum line_kind {
  L_BLANK,
  L_END,
  L_CHROME,
  L_DATE,
  L_TICKER,
  L_HEADLINE,
  L_PARAGRAPH
} line_kind;

typedef struct line {
  size_t start, end; /* trimmed */
  line_kind kind;
  int words;
} line;

#define FOLD_MAX 512          /* bytes of a line folded for cue matching */
#define SHORT_LINE_WORDS 8    /* chrome and cues only on lines this short */
#define HEADLINE_MAX_WORDS 30
#define TICKER_MIN_BYTES 250
#define TICKER_MIN_WORDS 25
#define DATE_LINE_MAX_OTHER_WORDS 6

/* ---- small text helpers ------------------------------------------------- */

static uint32_t decode_at(const char *t, size_t n, size_t i, size_t *cl) {
  return tamas_utf8_decode((const unsigned char *)t, n, i, cl);
}

/* The code point that ends at byte `end` (scanning back over continuation
** bytes), or 0 at the start. */
static uint32_t last_char(const char *t, size_t start, size_t end, size_t *at) {
  size_t i = end, cl;
  if (end <= start) return 0;
  do i--; while (i > start && ((unsigned char)t[i] & 0xC0) == 0x80);
  *at = i;
  return decode_at(t, end, i, &cl);
}

static int is_blank_char(uint32_t cp) {
  return tamas_is_space(cp) || tamas_is_invisible(cp);
}

static void trim(const char *t, size_t *start, size_t *end) {
  size_t cl, at;
  while (*start < *end && is_blank_char(decode_at(t, *end, *start, &cl))) *start += cl;
  while (*end > *start && is_blank_char(last_char(t, *start, *end, &at))) *end = at;
}

static int is_terminator(uint32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x061F /* ؟ */ ||
         cp == 0x2026 /* … */ || cp == 0x06D4 /* ۔ */;
}

static int is_closing_quote(uint32_t cp) {
  return cp == 0xBB /* » */ || cp == '"' || cp == 0x201D || cp == ')';
}

/* Does the line end like a sentence (also «… است.» and «…».)? */
static int ends_sentence(const char *t, size_t start, size_t end) {
  size_t at;
  uint32_t cp = last_char(t, start, end, &at);
  if (is_closing_quote(cp)) cp = last_char(t, start, at, &at);
  return is_terminator(cp) || cp == 0x061B /* ؛ */;
}

/* A sentence mark followed by a space inside the line? */
static int has_inner_sentence(const char *t, size_t start, size_t end) {
  size_t i = start, cl, cl2;
  while (i < end) {
    uint32_t cp = decode_at(t, end, i, &cl);
    if (is_terminator(cp) && i + cl < end &&
        tamas_is_space(decode_at(t, end, i + cl, &cl2)))
      return 1;
    i += cl;
  }
  return 0;
}


static int is_letter_char(uint32_t cp) {
  return (cp >= 0x0620 && cp <= 0x06FF && tamas_digit_value(cp) < 0 && cp != 0x060C &&
          cp != 0x061B && cp != 0x061F && cp != 0x06D4) ||
         ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
}

enum { CH_BLANK, CH_LETTER, CH_DIGIT, CH_OTHER };

/* The class of the character at t[i] (blank, letter, digit or other), with
** its length in *cl.  ASCII and the Arabic block (two bytes) are decided
** without the general decoder: they are nearly all of a page. */
static inline int char_class(const char *t, size_t end, size_t i, size_t *cl) {
  unsigned char c = (unsigned char)t[i];
  uint32_t cp;
  if (c < 0x80) {
    *cl = 1;
    if (c == ' ' || (c >= 0x09 && c <= 0x0D)) return CH_BLANK;
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return CH_LETTER;
    return c >= '0' && c <= '9' ? CH_DIGIT : CH_OTHER;
  }
  if ((cp = tamas_arabic_at((const unsigned char *)t, end, i)) != 0) {
    *cl = 2;
  } else {
    cp = decode_at(t, end, i, cl);
    if (is_blank_char(cp)) return CH_BLANK;
  }
  if (tamas_digit_value(cp) >= 0) return CH_DIGIT;
  return is_letter_char(cp) ? CH_LETTER : CH_OTHER;
}

/* The bytes that can start a blank character (ASCII white space, U+00A0,
** U+2000-U+206F, U+3000, U+FEFF).  Other bytes of a word are skipped unread. */
static const unsigned char may_start_blank[256] = {
    [' '] = 1, ['\t'] = 1, ['\n'] = 1, [0x0B] = 1, [0x0C] = 1, ['\r'] = 1,
    [0xC2] = 1, [0xE2] = 1, [0xE3] = 1, [0xEF] = 1};

/* The first byte at or after i that may start a blank, or end. */
static size_t skip_to_blank(const unsigned char *t, size_t i, size_t end) {
  while (i + 1 < end && !(may_start_blank[t[i]] | may_start_blank[t[i + 1]])) i += 2;
  while (i < end && !may_start_blank[t[i]]) i++;
  return i;
}

/* Words (runs between blanks) that hold a letter, or with digits_count a
** letter or a digit: «|», «-» and «:» alone are not words.  Counting stops
** at `limit`: the reader only asks whether a line is short. */
static int count_words_with(const char *t, size_t start, size_t end, int digits_count,
                            int limit) {
  size_t i = start, cl;
  int words = 0;
  while (i < end && words < limit) {
    int k = char_class(t, end, i, &cl), counted = 0;
    if (k == CH_BLANK) {
      i += cl;
      continue;
    }
    for (;;) { /* one word */
      if (!counted && (k == CH_LETTER || (digits_count && k == CH_DIGIT))) {
        words++;
        counted = 1;
      }
      i += cl;
      if (counted) /* the rest of a counted word only matters for its end */
        i = skip_to_blank((const unsigned char *)t, i, end);
      if (i >= end || (k = char_class(t, end, i, &cl)) == CH_BLANK) break;
    }
  }
  return words;
}

#if defined(__SSE2__)
#include <emmintrin.h>

/* The bits set in a 16-bit mask (without a call: the baseline x86-64 has no
** popcnt instruction). */
static int bits_set(unsigned x) {
  x = x - (x >> 1 & 0x5555u);
  x = (x & 0x3333u) + (x >> 2 & 0x3333u);
  x = (x + (x >> 4)) & 0x0F0Fu;
  return (int)((x + (x >> 8)) & 0x1Fu);
}

/* At least how many words (up to about `limit`) count_content_words finds
** in [start, end), sixteen bytes at a time: the words that follow a space
** and start with a letter or digit of the Arabic block (lead D9 or DA, D8
** before A0-BF, DB before anything but 0x94 of «۔», a continuation byte
** after each).  Long paragraphs pass a line test's limit on this count, so
** their words need not be walked one by one. */
static int count_arabic_word_starts(const char *text, size_t start, size_t end, int limit) {
  const unsigned char *t = (const unsigned char *)text;
  const __m128i space = _mm_set1_epi8(' ');
  size_t i = start + 1; /* each block reads the byte before it and the one after */
  int n = 0;
  for (; i + 17 <= end && n < limit; i += 16) {
    __m128i before = _mm_loadu_si128((const __m128i *)(t + i - 1));
    __m128i here = _mm_loadu_si128((const __m128i *)(t + i));
    __m128i after = _mm_loadu_si128((const __m128i *)(t + i + 1));
    /* as signed bytes: a continuation byte 0x80-0xBF is below -64, A0-BF above -97 */
    __m128i cont = _mm_cmplt_epi8(after, _mm_set1_epi8(-64));
    __m128i d8 = _mm_and_si128(_mm_cmpeq_epi8(here, _mm_set1_epi8((char)0xD8)),
                               _mm_cmpgt_epi8(after, _mm_set1_epi8(-97)));
    __m128i d9_da = _mm_or_si128(_mm_cmpeq_epi8(here, _mm_set1_epi8((char)0xD9)),
                                 _mm_cmpeq_epi8(here, _mm_set1_epi8((char)0xDA)));
    __m128i db = _mm_andnot_si128(_mm_cmpeq_epi8(after, _mm_set1_epi8((char)0x94)),
                                  _mm_cmpeq_epi8(here, _mm_set1_epi8((char)0xDB)));
    __m128i starts = _mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(before, space), cont),
                                   _mm_or_si128(_mm_or_si128(d8, d9_da), db));
    n += bits_set((unsigned)_mm_movemask_epi8(starts));
  }
  return n;
}
#else
static int count_arabic_word_starts(const char *text, size_t start, size_t end, int limit) {
  return 0;
}
#endif

static int count_letter_words(const char *t, size_t start, size_t end) {
  return count_words_with(t, start, end, 0, INT_MAX);
}

/* Words of a line, up to `limit`. */
static int count_content_words(const char *t, size_t start, size_t end, int limit) {
  if (end - start >= 64 && count_arabic_word_starts(t, start, end, limit) >= limit) return limit;
  return count_words_with(t, start, end, 1, limit);
}

static int count_char(const char *t, size_t start, size_t end, char c) {
  int k = 0;
  for (; start < end; start++) k += t[start] == c;
  return k;
}

static int has_letter(const char *t, size_t start, size_t end) {
  size_t i = start, cl;
  while (i < end) {
    uint32_t cp = decode_at(t, end, i, &cl);
    if (is_letter_char(cp)) return 1;
    i += cl;
  }
  return 0;
}

/* ---- dates in header lines --------------------------------------------- */

/* The first full date in [start, end), Jalali or Gregorian before Hijri.
** One search in any calendar answers most lines (no date, or a Jalali or
** Gregorian one first); only a Hijri date first needs a second look. */
static int find_full_date(const char *t, size_t start, size_t end,
                          tamas_date_match *m) {
  const unsigned flags = TAMAS_FIND_NEED_YEAR | TAMAS_FIND_NEED_DAY | TAMAS_FIND_VALID;
  tamas_date_match other;
  if (!tamas_find_date(t, end, start, TAMAS_CAL_ANY, flags, m)) return 0;
  if (m->calendar == TAMAS_CAL_HIJRI &&
      tamas_find_date(t, end, start, TAMAS_CAL_JALALI | TAMAS_CAL_GREGORIAN, flags, &other))
    *m = other;
  return 1;
}

/* "HH:MM" anywhere in [start, end) outside [skip_from, skip_to). */
static int find_time(const char *t, size_t start, size_t end, size_t skip_from,
                     size_t skip_to, int *hh, int *mm) {
  size_t i = start, cl;
  while (i < end) {
    int d = tamas_digit_value(decode_at(t, end, i, &cl));
    if (d >= 0 && (i < skip_from || i >= skip_to)) {
      int v[4], k = 0, colon = -1;
      size_t j = i, cl2;
      while (j < end && k < 4) {
        uint32_t cp = decode_at(t, end, j, &cl2);
        int dv = tamas_digit_value(cp);
        if (dv >= 0) v[k++] = dv;
        else if (cp == ':' && colon < 0 && k > 0) colon = k;
        else break;
        j += cl2;
      }
      if (colon >= 1 && colon <= 2 && k - colon == 2) {
        int h = colon == 2 ? v[0] * 10 + v[1] : v[0];
        int m = v[colon] * 10 + v[colon + 1];
        if (h < 24 && m < 60) {
          *hh = h, *mm = m;
          return 1;
        }
      }
      i = j > i ? j : i + cl;
      continue;
    }
    i += cl;
  }
  return 0;
}

static void set_published(tamas_article *a, int32_t jdn, int hh, int mm,
                          size_t start, size_t end) {
  char iso[11];
  if (!tamas_jdn_to_iso(jdn, iso)) return;
  memcpy(a->published, iso, 11);
  if (hh >= 0) {
    a->published[10] = ' ';
    a->published[11] = (char)('0' + hh / 10);
    a->published[12] = (char)('0' + hh % 10);
    a->published[13] = ':';
    a->published[14] = (char)('0' + mm / 10);
    a->published[15] = (char)('0' + mm % 10);
    a->published[16] = 0;
  }
  a->published_span.start = start;
  a->published_span.end = end;
}

/* Does [start, end) hold a run of exactly four digits (in any of the three
** scripts)?  A full date does: its year (dateparse.c reads a year only as a
** four-digit number).  Bytes are stepped one by one: no continuation byte
** is an ASCII digit or the lead byte of a Persian or Arabic one. */
static int has_four_digit_run(const char *text, size_t start, size_t end) {
  const unsigned char *t = (const unsigned char *)text;
  size_t i = start;
  int run = 0;
  while (i < end) {
    if (t[i] >= '0' && t[i] <= '9') {
      run++, i++;
    } else if (i + 1 < end && ((t[i] == 0xDB && t[i + 1] - 0xB0u < 10) ||
                               (t[i] == 0xD9 && t[i + 1] - 0xA0u < 10))) {
      run++, i += 2;
    } else {
      if (run == 4) return 1;
      run = 0, i++;
    }
  }
  return run == 4;
}

/* Is the line a header date line («۷ مرداد ۱۴۰۱، ۲۱:۴۸», «تاریخ انتشار: …»)?
** If so, and no date is known yet, take it as the publication date. */
static int read_date_line(const char *t, const line *l, tamas_article *a) {
  tamas_date_match m;
  int32_t jdn;
  int other_words, hh = -1, mm = 0;
  if (l->words > DATE_LINE_MAX_OTHER_WORDS + 8) return 0;
  if (!has_four_digit_run(t, l->start, l->end)) return 0; /* no year, so no full date */
  if (!find_full_date(t, l->start, l->end, &m)) return 0;
  if (!(jdn = tamas_date_match_jdn(&m))) return 0;
  other_words = count_letter_words(t, l->start, m.start) + count_letter_words(t, m.end, l->end);
  if (other_words > DATE_LINE_MAX_OTHER_WORDS) return 0;
  if (a->published[0] == 0) {
    find_time(t, l->start, l->end, m.start, m.end, &hh, &mm);
    set_published(a, jdn, hh, mm, m.start, m.end);
  }
  return 1;
}

/* Scrapers put " date 2025-09-26" before the page; it may share a line with
** text.  Takes the date and moves the line's start past it. */
static void read_scraper_date(const char *t, line *l, tamas_article *a) {
  static const char prefix[] = "date ";
  size_t s = l->start, e;
  int32_t jdn;
  if (l->end - s < 15 || memcmp(t + s, prefix, 5) != 0) return;
  e = s + 15;
  if (!tamas_parse_timevalue(t + s + 5, 10, &jdn)) return;
  if (a->published[0] == 0) set_published(a, jdn, -1, 0, s + 5, e);
  l->start = e;
  trim(t, &l->start, &l->end);
}

/* ---- lines --------------------------------------------------------------- */

static line_kind classify(const char *t, line *l, tamas_article *a, int body_started) {
  char folded[FOLD_MAX];
  cue_hits cues = {0, 0, 0, 0, 0};
  size_t n = 0;
  int terminal;
  if (l->start == l->end) return L_BLANK;
  terminal = ends_sentence(t, l->start, l->end);
  /* counted as far as a test below looks: a line that ends a sentence is
  ** never a headline or ticker, so its count stops sooner */
  l->words = count_content_words(t, l->start, l->end,
                                 1 + (terminal ? DATE_LINE_MAX_OTHER_WORDS + 8 : HEADLINE_MAX_WORDS));
  /* cue words matter only on short lines: fold those alone (most bytes are
  ** in long paragraphs) */
  if (l->words <= SHORT_LINE_WORDS && !terminal) {
    size_t cue_end;
    n = fold_compact(t + l->start, l->end - l->start, folded, sizeof folded);
    cue_scan(folded, n, &cues);
    if (cues.end) return L_END;
    /* «خانه | سیاسی | اقتصادی», «نام سایت | شعار»: menus and site banners */
    if (count_char(t, l->start, l->end, '|') >= 1) return L_CHROME;
    /* chrome first: «کد خبرنگار» is not «کد خبر» */
    if (cues.chrome) return L_CHROME;
    if (cues.code) {
      cue_end = cues.code_end;
      if (a->news_code[0] == 0) {
        size_t k = 0;
        while (cue_end < n && k + 1 < sizeof a->news_code) {
          char c = folded[cue_end++];
          if (c >= '0' && c <= '9') a->news_code[k++] = c;
          else if (k > 0) break;
        }
        a->news_code[k] = 0;
      }
      return L_CHROME;
    }
  }
  if (l->words <= DATE_LINE_MAX_OTHER_WORDS + 8 && read_date_line(t, l, a)) return L_DATE;
  if (l->words <= 2 || !has_letter(t, l->start, l->end)) return L_CHROME;
  if (l->words <= SHORT_LINE_WORDS && !terminal && cues.date)
    return L_CHROME;
  if (!body_started && l->end - l->start >= TICKER_MIN_BYTES &&
      l->words >= TICKER_MIN_WORDS && !has_inner_sentence(t, l->start, l->end) &&
      !terminal)
    return L_TICKER;
  if (!terminal && l->words <= HEADLINE_MAX_WORDS && !has_inner_sentence(t, l->start, l->end))
    return L_HEADLINE;
  return L_PARAGRAPH;
}

/* Split into trimmed lines; the caller frees *out. */
static size_t split_lines(const char *t, size_t len, line **out) {
  size_t n = 0, cap = 64, i = 0;
  line *lines = malloc(cap * sizeof *lines);
  if (!lines) return 0;
  while (i <= len) {
    const char *nl = i < len ? memchr(t + i, '\n', len - i) : NULL;
    size_t e = nl ? (size_t)(nl - t) : len;
    if (n == cap) {
      line *bigger = realloc(lines, 2 * cap * sizeof *lines);
      if (!bigger) {
        free(lines);
        return 0;
      }
      lines = bigger;
      cap *= 2;
    }
    lines[n].start = i;
    lines[n].end = e;
    trim(t, &lines[n].start, &lines[n].end);
    lines[n].kind = L_BLANK;
    lines[n].words = 0;
    n++;
    if (!nl) break;
    i = e + 1;
  }
  *out = lines;
  return n;
}

static int same_text(const char *t, const line *x, const line *y) {
  return x->end - x->start == y->end - y->start &&
         memcmp(t + x->start, t + y->start, x->end - x->start) == 0;
}

/* The next non-blank line after i, or n. */
static size_t next_nonblank(const line *lines, size_t n, size_t i) {
  for (i++; i < n && lines[i].kind == L_BLANK; i++) {
  }
  return i;
}

/* ---- the article ----------------------------------------------------------- */

static int choose_title(const line *lines, size_t n, size_t *title) {
  size_t i, paragraphs = 0;
  for (i = 0; i < n && paragraphs < 2; i++) {
    if (lines[i].kind == L_PARAGRAPH) paragraphs++;
    if (lines[i].kind == L_HEADLINE) {
      size_t next = next_nonblank(lines, n, i);
      if (lines[i].words <= 5 && next < n && lines[next].kind == L_HEADLINE) i = next;
      *title = i;
      return 1;
    }
  }
  return 0;
}

/* Is line i the start of three or more headlines in a row (a list)? */
static int starts_list(const line *lines, size_t n, size_t i) {
  int run = 0;
  for (; i < n && run < 3; i = next_nonblank(lines, n, i)) {
    if (lines[i].kind != L_HEADLINE && lines[i].kind != L_CHROME) break;
    if (lines[i].kind == L_HEADLINE) run++;
  }
  return run >= 3;
}

static int collect_body(const char *t, const line *lines, size_t n, int has_title,
                        size_t title, tamas_article *a) {
  size_t i, first = n, cap = 16;
  for (i = 0; i < n; i++)
    if (lines[i].kind == L_PARAGRAPH) {
      first = i;
      break;
    }
  if (first == n) return 1;
  a->paragraphs = malloc(cap * sizeof *a->paragraphs);
  if (!a->paragraphs) return 0;
  for (i = first; i < n; i++) {
    const line *l = &lines[i];
    if (l->kind == L_END) break;
    if (l->kind == L_HEADLINE && starts_list(lines, n, i)) break;
    if (l->kind != L_PARAGRAPH && l->kind != L_HEADLINE) continue;
    if (has_title && (i == title || same_text(t, l, &lines[title]))) continue;
    if (a->n_paragraphs == cap) {
      tamas_span *bigger = realloc(a->paragraphs, 2 * cap * sizeof *bigger);
      if (!bigger) return 0;
      a->paragraphs = bigger;
      cap *= 2;
    }
    a->paragraphs[a->n_paragraphs].start = l->start;
    a->paragraphs[a->n_paragraphs].end = l->end;
    a->n_paragraphs++;
  }
  return 1;
}

/* «امروز سه‌شنبه ۱۰ مهر ۱۴۰۳ …» in the lead dates the page itself; a date
** in the lead without «امروز» is the date of an event, not of the page. */
static void read_today_in_lead(const char *t, tamas_article *a) {
  static const char today[] = "\xd8\xa7\xd9\x85\xd8\xb1\xd9\x88\xd8\xb2"; /* امروز */
  tamas_date_match m;
  const tamas_span *lead;
  int32_t jdn;
  char before[128];
  size_t from, n;
  if (a->published[0] || a->n_paragraphs == 0) return;
  lead = &a->paragraphs[0];
  if (!find_full_date(t, lead->start, lead->end, &m)) return;
  from = m.start > lead->start + 40 ? m.start - 40 : lead->start;
  n = fold_compact(t + from, m.start - from, before, sizeof before);
  if (memmem(before, n, today, sizeof today - 1) && (jdn = tamas_date_match_jdn(&m)))
    set_published(a, jdn, -1, 0, m.start, m.end);
}

int tamas_article_read(const char *text, size_t len, tamas_article *a) {
  return tamas_article_read_parts(text, len, TAMAS_ARTICLE_ALL, a);
}

int tamas_article_read_parts(const char *text, size_t len, unsigned parts, tamas_article *a) {
  line *lines = NULL;
  size_t n, i, title = 0;
  int has_title, body_started = 0, ok;
  memset(a, 0, sizeof *a);
  if (text == NULL || len == 0) return 1;
  n = split_lines(text, len, &lines);
  if (n == 0) return 0;
  for (i = 0; i < n; i++) {
    read_scraper_date(text, &lines[i], a);
    lines[i].kind = classify(text, &lines[i], a, body_started);
    if (lines[i].kind == L_PARAGRAPH) body_started = 1;
    if (lines[i].kind == L_END && body_started) break;
  }
  n = i < n ? i + 1 : n;
  has_title = choose_title(lines, n, &title);
  if (has_title) a->title = (tamas_span){lines[title].start, lines[title].end};
  ok = collect_body(text, lines, n, has_title, title, a);
  free(lines);
  if (!ok) {
    tamas_article_free(a);
    return 0;
  }
  read_today_in_lead(text, a);
  return (parts & TAMAS_ARTICLE_SOURCES) ? tamas_article_find_sources(text, a) : 1;
}
