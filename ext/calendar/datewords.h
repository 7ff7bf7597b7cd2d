/*
** datewords.h — the closed vocabulary of dates in Persian news: month names
** of three calendars, weekday names, day numbers in words and the small
** words around dates.  Internal to the core.
*/
#ifndef TAMAS_DATEWORDS_H
#define TAMAS_DATEWORDS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef enum dateword_kind {
  DW_NONE = 0,
  DW_JALALI_MONTH,     /* value 1..12 */
  DW_GREGORIAN_MONTH,  /* value 1..12 */
  DW_HIJRI_MONTH,      /* value 1..12 */
  DW_WEEKDAY,          /* value 0 (Saturday) .. 6 (Friday) */
  DW_NUMBER,           /* a cardinal or ordinal number word, value 1..30 */
  DW_AND,              /* «و», joining «بیست و چهارم» */
  DW_MONTH_WORD,       /* «ماه» as in «اسفند ماه» */
  DW_YEAR_WORD,        /* «سال» as in «دی سال ۱۴۰۱» */
  DW_DAY_WORD,         /* «روز» */
  DW_ORDINAL_SUFFIX    /* «ام» written apart from a digit: «۲۴ ام» */
} dateword_kind;

typedef struct dateword {
  dateword_kind kind;
  int value;
  int tens;       /* DW_NUMBER: 1 for «بیست», «سی», which may take «و» + unit */
  int needs_year; /* the word is also a common noun: only trust it in a date
                     that has a year (Dari month names such as «میزان») */
} dateword;

/* Look up a folded key (see tamas_fold_letter; no ZWNJ, no spaces).  Keys that
** end in «ماه» glued to a month name («اسفندماه») resolve to the month.
** Returns the entry or NULL. */
const dateword *dateword_lookup(const char *key, size_t len);

/* Both at once: the entry (or NULL), and in *is_prefix whether the key
** starts a multi-word entry. */
const dateword *dateword_lookup_prefix(const char *key, size_t len, int *is_prefix);

/* Is the entry a month name, of any calendar? */
int dateword_is_month(const dateword *w);

/* Does a word end in «ماه» glued on, past at least one more letter
** («آذرماه»; the letters are the same folded or not)? */
int dateword_has_month_suffix(const char *word, size_t len);

/* A quick no, inline for a caller that asks it of every word
** (extract_scan.c; call dateword_ready() first): 0 when the word is no
** number, month name, «ماه» or weekday and does not start a many-word
** entry, as most words are not; else dateword_lookup_prefix says which it
** is (a bit may be shared by another word).  One bit per hash of a
** key's length, first four bytes (fewer when shorter) and last two (with
** four bytes or more: most words share their first letters with some number
** or month, few their last too). */
#define DATEWORD_HEAD_BITS 65536
extern unsigned char dateword_start_heads[DATEWORD_HEAD_BITS / 8];
void dateword_ready(void);
static inline uint32_t dateword_head_hash(const char *k, size_t n) {
  uint32_t v = 0;
  uint16_t last = 0;
  if (n >= 4) { /* nearly every word: fixed-size loads */
    memcpy(&v, k, 4);
    memcpy(&last, k + n - 2, 2);
  } else {
    memcpy(&v, k, n);
  }
  return ((v ^ (uint32_t)last << 7 ^ (uint32_t)n * 0x9E3779B9u) * 2654435761u) >> 16;
}
static inline int dateword_may_start(const char *key, size_t len) {
  uint32_t h = dateword_head_hash(key, len);
  return len > 0 && (dateword_start_heads[h / 8] >> (h % 8) & 1);
}

/* A weekday (0 = Saturday) as news writes it in words where it can be two
** («سه شنبه»; «شنبه», «جمعه» are one); tamas_weekday_name gives the full
** name.  NULL when out of range. */
const char *dateword_weekday_in_words(int weekday);

/* Is `key` (folded) the start of a multi-word entry, so that the scanner should
** try to join the next word to it («سه» + «شنبه», «ربیع» + «الاول»)? */
int dateword_is_join_prefix(const char *key, size_t len);

#endif /* TAMAS_DATEWORDS_H */
