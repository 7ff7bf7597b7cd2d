/*
** dateparse.c — find dates written in Persian news text.
**
** A scanner turns the text into tokens (numbers in any of three digit
** scripts, folded words looked up in datewords.c, punctuation), and a small
** matcher tries the date shapes news uses at each token:
**
**   numeric      ۱۴۰۱/۰۲/۲۴   1401-2-24   24/02/1401
**   day-month    ۲۴ اردیبهشت ۱۴۰۱   بیست و چهارم اردیبهشت ماه ۱۴۰۱   ۱۸ فوریه
**   year-month   2022 December 29
**   month-day    December 29, 2022
**   month-year   دی ۱۴۰۱   (no day)
**
** Times (09:47, ۲۱:۴۸) are skipped as a whole so their digits never start a
** date; a weekday written before a date (سه‌شنبه، سه شنبه، سهشنبه) is kept in
** the match.  Only byte offsets into the caller's text are stored, so a match
** can be cut out of the original.
*/
#include <string.h>

#include "dateparse.h"
#include "datewords.h"
#include "tamas.h"
#include "text/fold.h"
#include "text/utf8.h"

/* ---- tokens ------------------------------------------------------------- */

typedef enum tok_type { T_END, T_NUM, T_WORD, T_PUNCT } tok_type;

typedef struct token {
  tok_type type;
  size_t start, end;      /* bytes in the text */
  int space_before;       /* white space between the previous token and this */
  int value;              /* T_NUM: value (saturates); T_PUNCT: code point */
  int ndigits;            /* T_NUM */
  const dateword *word;   /* T_WORD: entry, or NULL for an unknown word */
} token;

typedef struct scanner {
  const unsigned char *s;
  size_t n, pos;
} scanner;

static inline int is_letter(uint32_t cp) {
  if (cp < 0x80) return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  if (cp == TAMAS_REPLACEMENT_CHAR || tamas_is_space(cp)) return 0;
  if (tamas_is_ignorable_mark(cp) || tamas_is_invisible(cp)) return 0;
  if (tamas_digit_value(cp) >= 0) return 0;
  /* Arabic-script punctuation: ، ؛ ؟ ٪ ٫ ٬ ٭ ۔ */
  if (cp == 0x060C || cp == 0x061B || cp == 0x061F || cp == 0x06D4 ||
      (cp >= 0x066A && cp <= 0x066D))
    return 0;
  if (cp >= 0x2000 && cp <= 0x2BFF) return 0; /* punctuation, symbols */
  if (cp == 0xAB || cp == 0xBB) return 0;     /* « » */
  return 1;
}

/* Read one word from s[pos] (a letter is there).  The folded key goes to
** key[*klen] (truncated keys are marked by *klen = 0); returns the end. */
static size_t read_word(const scanner *sc, size_t pos, char *key, size_t cap,
                        size_t *klen) {
  size_t len = 0, cl;
  int overflow = 0;
  while (pos < sc->n) {
    const unsigned char *f = tamas_common_fold_at(sc->s, sc->n, pos);
    uint32_t cp;
    if (f) { /* the usual case, quickly: a common letter */
      if (len + 4 < cap) {
        key[len] = (char)f[0];
        key[len + 1] = (char)f[1];
        len += 2;
      } else {
        overflow = 1;
      }
      pos += 2;
      continue;
    }
    cp = tamas_utf8_decode(sc->s, sc->n, pos, &cl);
    if (tamas_is_ignorable_mark(cp)) { /* kashida, harakat: part of the word */
      pos += cl;
      continue;
    }
    if (tamas_is_invisible(cp)) {
      /* ZWNJ and friends: part of the word only when a letter follows */
      size_t next = pos + cl, cl2;
      if (next >= sc->n) break;
      cp = tamas_utf8_decode(sc->s, sc->n, next, &cl2);
      if (!is_letter(cp) && !tamas_is_invisible(cp) &&
          !tamas_is_ignorable_mark(cp))
        break;
      pos = next;
      continue;
    }
    if (!is_letter(cp)) break;
    if (len + 4 < cap)
      len += tamas_utf8_encode(tamas_fold_letter(cp), key + len);
    else
      overflow = 1;
    pos += cl;
  }
  *klen = overflow ? 0 : len;
  return pos;
}

/* Skip white space and invisible marks; report whether there was a space. */
static size_t skip_blank(const scanner *sc, size_t pos, int *space) {
  size_t cl;
  *space = 0;
  while (pos < sc->n) {
    uint32_t cp = tamas_utf8_decode(sc->s, sc->n, pos, &cl);
    if (tamas_is_space(cp)) *space = 1;
    else if (!tamas_is_invisible(cp)) break;
    pos += cl;
  }
  return pos;
}

#define WORD_KEY_MAX 64
#define MAX_JOINED_WORDS 3

/* A word token; joins the next words when together they spell one entry
** («سه» «شنبه» → weekday 3). */
static void scan_word(scanner *sc, token *t) {
  char key[WORD_KEY_MAX * MAX_JOINED_WORDS];
  size_t klen, end = read_word(sc, sc->pos, key, WORD_KEY_MAX, &klen);
  int parts = 1, is_prefix;
  t->type = T_WORD;
  t->word = dateword_lookup_prefix(key, klen, &is_prefix);
  t->end = end;
  while (parts < MAX_JOINED_WORDS && klen > 0 &&
         (parts == 1 ? is_prefix : dateword_is_join_prefix(key, klen))) {
    int space;
    size_t next = skip_blank(sc, end, &space), cl, more;
    const dateword *w;
    if (next >= sc->n || !is_letter(tamas_utf8_decode(sc->s, sc->n, next, &cl)))
      break;
    end = read_word(sc, next, key + klen, WORD_KEY_MAX, &more);
    if (more == 0) break;
    klen += more;
    parts++;
    w = dateword_lookup(key, klen);
    if (w) {
      t->word = w;
      t->end = end;
    }
  }
  sc->pos = t->end;
}

static void scan_number(scanner *sc, token *t) {
  size_t cl;
  long v = 0;
  int nd = 0, d;
  t->type = T_NUM;
  while (sc->pos < sc->n &&
         (d = tamas_digit_value(tamas_utf8_decode(sc->s, sc->n, sc->pos, &cl))) >= 0) {
    if (v < 100000000L) v = v * 10 + d;
    nd++;
    sc->pos += cl;
  }
  t->value = (int)v;
  t->ndigits = nd;
  t->end = sc->pos;
}

static void next_token(scanner *sc, token *t) {
  size_t cl;
  uint32_t cp;
  t->value = t->ndigits = 0;
  t->word = NULL;
  sc->pos = skip_blank(sc, sc->pos, &t->space_before);
  t->start = sc->pos;
  if (sc->pos >= sc->n) {
    t->type = T_END;
    t->end = sc->pos;
    return;
  }
  cp = tamas_utf8_decode(sc->s, sc->n, sc->pos, &cl);
  if (tamas_digit_value(cp) >= 0) {
    scan_number(sc, t);
  } else if (is_letter(cp)) {
    scan_word(sc, t);
  } else {
    t->type = T_PUNCT;
    t->value = (int)cp;
    sc->pos += cl;
    t->end = sc->pos;
  }
}

/* ---- a window of tokens ------------------------------------------------- */

#define WINDOW 16 /* longest shape: weekday, «بیست و چهارم», month, «ماه»,
                     «سال», year — well under 16 tokens; a power of two */

/* A ring of the tokens read ahead; buf[head] is the current one. */
typedef struct stream {
  scanner sc;
  token buf[WINDOW];
  token end;  /* returned for every position past the end of the text */
  int head;   /* index of the current token in buf */
  int count;  /* tokens read ahead, from head on */
  int at_end; /* the scanner has produced T_END (stored in `end`) */
} stream;

static const token *peek_slow(stream *st, int k) {
  if (k >= WINDOW) return &st->end; /* no shape is this long */
  while (st->count <= k) {
    token *t;
    if (st->at_end) return &st->end;
    t = &st->buf[(st->head + st->count) & (WINDOW - 1)];
    next_token(&st->sc, t);
    if (t->type == T_END) {
      st->end = *t;
      st->at_end = 1;
      return &st->end;
    }
    st->count++;
  }
  return &st->buf[(st->head + k) & (WINDOW - 1)];
}

/* The token k places ahead of the current one (read on first use). */
static inline const token *peek(stream *st, int k) {
  if (k < st->count) return &st->buf[(st->head + k) & (WINDOW - 1)];
  return peek_slow(st, k);
}

/* Move past k tokens (callers only move past tokens they have peeked). */
static void advance(stream *st, int k) {
  if (k > st->count) k = st->count;
  st->head = (st->head + k) & (WINDOW - 1);
  st->count -= k;
}

/* ---- shapes --------------------------------------------------------------- */

static int is_word(const token *t, dateword_kind kind) {
  return t->type == T_WORD && t->word && t->word->kind == kind;
}

static int is_punct(const token *t, uint32_t cp) {
  return t->type == T_PUNCT && t->value == (int)cp;
}

static tamas_calendar month_calendar(const token *t) {
  if (t->type != T_WORD || !t->word) return 0;
  switch (t->word->kind) {
    case DW_JALALI_MONTH: return TAMAS_CAL_JALALI;
    case DW_GREGORIAN_MONTH: return TAMAS_CAL_GREGORIAN;
    case DW_HIJRI_MONTH: return TAMAS_CAL_HIJRI;
    default: return 0;
  }
}

static int is_year_number(const token *t) {
  return t->type == T_NUM && t->ndigits == 4;
}

static int is_day_number(const token *t) {
  return t->type == T_NUM && t->ndigits <= 2 && t->value >= 1 && t->value <= 31;
}

/* A day at token k: digits (with an optional «ام») or words such as «پنجم»,
** «بیست و چهارم», «سی‌ام».  Returns tokens used, 0 if none. */
static int match_day(stream *st, int k, int *day) {
  const token *t = peek(st, k);
  if (is_day_number(t)) {
    *day = t->value;
    return 1 + is_word(peek(st, k + 1), DW_ORDINAL_SUFFIX);
  }
  if (!is_word(t, DW_NUMBER)) return 0;
  *day = t->word->value;
  if (t->word->tens && is_word(peek(st, k + 1), DW_AND)) {
    const token *unit = peek(st, k + 2);
    if (is_word(unit, DW_NUMBER) && !unit->word->tens && unit->word->value <= 9 &&
        *day + unit->word->value <= 31) {
      *day += unit->word->value;
      return 3;
    }
  }
  return 1;
}

/* Two digits right after a Jalali day and month, closing the date (a mark,
** a bracket or the end after them): a year written without its century. */
static int is_short_jalali_year(stream *st, int k) {
  const token *t = peek(st, k), *next = peek(st, k + 1);
  return t->type == T_NUM && t->ndigits == 2 && (next->type == T_END || next->type == T_PUNCT);
}

/* Words that may stand between a month and its year: «ماه», «سال», a comma. */
static int skip_month_year_glue(stream *st, int k) {
  if (is_word(peek(st, k), DW_MONTH_WORD)) k++;
  if (is_punct(peek(st, k), ',') || is_punct(peek(st, k), 0x060C)) k++;
  if (is_word(peek(st, k), DW_YEAR_WORD)) k++;
  return k;
}

typedef struct shape {
  tamas_calendar calendar;
  int year, month, day;
  int ntokens; /* tokens from the first to the last of the date */
} shape;

/* N sep N sep N with the same separator and no spaces: 1401/02/24. */
static int match_numeric(stream *st, shape *d) {
  const token *a = peek(st, 0), *s1 = peek(st, 1), *b = peek(st, 2),
              *s2 = peek(st, 3), *c = peek(st, 4);
  int sep;
  if (a->type != T_NUM || s1->type != T_PUNCT || b->type != T_NUM ||
      s2->type != T_PUNCT || c->type != T_NUM)
    return 0;
  sep = s1->value;
  if (s2->value != sep || (sep != '/' && sep != '-' && sep != '.' && sep != 0x066B))
    return 0;
  if (s1->space_before || b->space_before || s2->space_before || c->space_before)
    return 0;
  if (b->ndigits > 2 || b->value < 1 || b->value > 12) return 0; /* 2025-30-12 */
  if (a->ndigits == 4 && c->ndigits <= 2) {
    d->year = a->value, d->month = b->value, d->day = c->value;
  } else if (c->ndigits == 4 && a->ndigits <= 2) {
    d->year = c->value, d->month = b->value, d->day = a->value;
  } else {
    return 0;
  }
  if (d->day < 1 || d->day > 31) return 0; /* 40/11/0509 */
  /* A four-digit year tells the calendar apart: Jalali years are 12xx-16xx
  ** in the supported range, Gregorian ones 17xx and later. */
  d->calendar = d->year < 1700 ? TAMAS_CAL_JALALI : TAMAS_CAL_GREGORIAN;
  d->ntokens = 5;
  return 1;
}

/* day month [ماه] [,] [سال] [year]  —  ۲۴ اردیبهشت ۱۴۰۱ */
static int match_day_month(stream *st, shape *d) {
  int month_at = match_day(st, 0, &d->day), k;
  const token *m;
  if (month_at == 0) return 0;
  m = peek(st, month_at);
  if (!(d->calendar = month_calendar(m))) return 0;
  d->month = m->word->value;
  k = skip_month_year_glue(st, month_at + 1);
  if (is_year_number(peek(st, k))) {
    d->year = peek(st, k)->value;
    d->ntokens = k + 1;
  } else if (d->calendar == TAMAS_CAL_JALALI && is_short_jalali_year(st, k)) {
    /* «۲۲ خرداد ۹۸»: the century left out, 13xx for 50-99, 14xx below */
    d->year = peek(st, k)->value + (peek(st, k)->value >= 50 ? 1300 : 1400);
    d->ntokens = k + 1;
  } else {
    /* a month that is also a noun («میزان», «اسد») with no year: only after
    ** a day in digits («۱۸ ثور»), where the noun reading is rare */
    if (m->word->needs_year && peek(st, 0)->type != T_NUM) return 0;
    d->year = 0; /* «۱۸ فوریه»: the caller resolves the year */
    d->ntokens = month_at + 1 + is_word(peek(st, month_at + 1), DW_MONTH_WORD);
  }
  return 1;
}

/* year month day  —  2022 December 29 */
static int match_year_month_day(stream *st, shape *d) {
  const token *y = peek(st, 0), *m = peek(st, 1), *dd = peek(st, 2);
  if (!is_year_number(y) || !(d->calendar = month_calendar(m)) || !is_day_number(dd))
    return 0;
  d->year = y->value, d->month = m->word->value, d->day = dd->value;
  d->ntokens = 3;
  return 1;
}

/* month day [,] year  —  December 29, 2022 */
static int match_month_day_year(stream *st, shape *d) {
  const token *m = peek(st, 0), *dd = peek(st, 1);
  int k = 2;
  if (!(d->calendar = month_calendar(m)) || !is_day_number(dd)) return 0;
  if (is_punct(peek(st, k), ',') || is_punct(peek(st, k), 0x060C)) k++;
  if (!is_year_number(peek(st, k))) return 0;
  d->year = peek(st, k)->value, d->month = m->word->value, d->day = dd->value;
  d->ntokens = k + 1;
  return 1;
}

/* month [ماه] [سال] year  —  دی ۱۴۰۱, اکتبر ۲۰۲۲ */
static int match_month_year(stream *st, shape *d) {
  const token *m = peek(st, 0);
  int k;
  if (!(d->calendar = month_calendar(m))) return 0;
  k = skip_month_year_glue(st, 1);
  if (!is_year_number(peek(st, k))) return 0;
  d->year = peek(st, k)->value, d->month = m->word->value, d->day = 0;
  d->ntokens = k + 1;
  return 1;
}

/* «ماه» month  —  «در ماه ژانویه», «پایان ماه اکتبر»: a month with neither day
** nor year.  The word «ماه» is required: a month name alone («مهر», «دی»)
** is too often an ordinary word. */
static int match_month_alone(stream *st, shape *d) {
  const token *w = peek(st, 0), *m = peek(st, 1);
  if (is_word(w, DW_MONTH_WORD) && (d->calendar = month_calendar(m)) && !m->word->needs_year) {
    d->year = 0, d->month = m->word->value, d->day = 0;
    d->ntokens = 2;
    return 1;
  }
  /* or «ماه» after it: «آذر ماه», «آذرماه» */
  if (!(d->calendar = month_calendar(w)) || w->word->needs_year) return 0;
  d->year = 0, d->month = w->word->value, d->day = 0;
  if (is_word(m, DW_MONTH_WORD)) {
    d->ntokens = 2;
    return 1;
  }
  if (dateword_has_month_suffix((const char *)st->sc.s + w->start, w->end - w->start)) {
    d->ntokens = 1;
    return 1;
  }
  return 0;
}

/* HH:MM or HH:MM:SS — a time, not a date; returns its token count. */
static int match_time(stream *st) {
  const token *h = peek(st, 0), *c = peek(st, 1), *m = peek(st, 2);
  if (h->type != T_NUM || h->ndigits > 2 || !is_punct(c, ':') || m->type != T_NUM ||
      m->ndigits != 2 || c->space_before || m->space_before)
    return 0;
  if (is_punct(peek(st, 3), ':') && peek(st, 4)->type == T_NUM &&
      !peek(st, 3)->space_before && !peek(st, 4)->space_before)
    return 5;
  return 3;
}

static int year_in_range(tamas_calendar cal, int year) {
  switch (cal) {
    case TAMAS_CAL_JALALI:
      return year >= TAMAS_JALALI_MIN_YEAR && year <= TAMAS_JALALI_MAX_YEAR;
    case TAMAS_CAL_GREGORIAN:
      return year >= TAMAS_GREGORIAN_MIN_YEAR && year <= TAMAS_GREGORIAN_MAX_YEAR;
    case TAMAS_CAL_HIJRI:
      return year >= TAMAS_HIJRI_MIN_YEAR && year <= TAMAS_HIJRI_MAX_YEAR;
    default:
      return 0;
  }
}

/* Does the date exist (as far as the text gives it)? */
static int shape_is_valid(const shape *d) {
  int days;
  if (d->month < 1 || d->month > 12) return 0;
  if (d->year && !year_in_range(d->calendar, d->year)) return 0;
  if (d->day == 0) return 1;
  switch (d->calendar) {
    case TAMAS_CAL_JALALI:
      days = d->year ? tamas_jalali_month_days(d->year, d->month)
                     : (d->month <= 6 ? 31 : 30);
      break;
    case TAMAS_CAL_GREGORIAN:
      days = d->year ? tamas_gregorian_month_days(d->year, d->month)
                     : tamas_gregorian_month_days(2000, d->month);
      break;
    default:
      days = 30; /* a lunar month; ICU checks the exact length */
      break;
  }
  return d->day >= 1 && d->day <= days;
}

static int match_shape(stream *st, shape *d) {
  memset(d, 0, sizeof *d);
  return match_numeric(st, d) || match_year_month_day(st, d) ||
         match_day_month(st, d) || match_month_day_year(st, d) ||
         match_month_year(st, d) || match_month_alone(st, d);
}

/* Start reading tokens at byte `pos`. */
static void stream_at(stream *st, size_t pos) {
  st->head = st->count = st->at_end = 0; /* the ring fills lazily */
  st->sc.pos = pos;
}

/* Where the reader may look next, with `starts`: 1 to read the current
** token t, 0 when no date starts at or after it.  A token outside the
** ranges cannot begin a date: the reader moves to the next range when it
** may restart there, else reads on one token at a time. */
static int may_start(stream *st, const token *t, const date_start *starts, int n, int *k) {
  while (*k < n && starts[*k].end <= t->start) (*k)++;
  if (*k == n) return 0;
  if (t->start < starts[*k].start && starts[*k].restart) stream_at(st, starts[*k].start);
  return 1;
}

int find_date_among(const char *text, size_t len, size_t from, unsigned calendars,
                    unsigned flags, const date_start *starts, int n_starts,
                    tamas_date_match *m) {
  stream st;
  int weekday = -1, k = 0;
  size_t weekday_start = 0;
  if (text == NULL || from >= len) return 0;
  tamas_common_folds_ready(); /* read_word folds with the table */
  st.end.type = T_END;
  st.end.start = st.end.end = len;
  st.sc.s = (const unsigned char *)text;
  st.sc.n = len;
  stream_at(&st, from);
  for (;;) {
    const token *t = peek(&st, 0);
    shape d;
    int skip;
    if (t->type == T_END) return 0;
    /* a weekday's date starts at the next token, wherever that is */
    if (starts && weekday < 0) {
      if (!may_start(&st, t, starts, n_starts, &k)) return 0;
      t = peek(&st, 0);
    }
    if ((skip = match_time(&st)) > 0) {
      advance(&st, skip);
      continue;
    }
    if (is_word(t, DW_WEEKDAY)) {
      weekday = t->word->value;
      weekday_start = t->start;
      advance(&st, 1 + (is_punct(peek(&st, 1), 0x060C) || is_punct(peek(&st, 1), ',')));
      continue;
    }
    if (match_shape(&st, &d) && (d.calendar & calendars) &&
        !((flags & TAMAS_FIND_NEED_YEAR) && d.year == 0) &&
        !((flags & TAMAS_FIND_NEED_DAY) && d.day == 0) &&
        !((flags & TAMAS_FIND_VALID) && !shape_is_valid(&d))) {
      m->calendar = d.calendar;
      m->year = d.year;
      m->month = d.month;
      m->day = d.day;
      m->weekday = weekday;
      m->start = weekday >= 0 ? weekday_start : t->start;
      m->end = peek(&st, d.ntokens - 1)->end;
      return 1;
    }
    weekday = -1;
    advance(&st, 1);
  }
}

int tamas_find_date(const char *text, size_t len, size_t from,
                    unsigned calendars, unsigned flags, tamas_date_match *m) {
  return find_date_among(text, len, from, calendars, flags, NULL, 0, m);
}

int32_t tamas_date_match_jdn(const tamas_date_match *m) {
  if (m->year == 0 || m->day == 0) return 0;
  switch (m->calendar) {
    case TAMAS_CAL_JALALI: return tamas_jalali_to_jdn(m->year, m->month, m->day);
    case TAMAS_CAL_GREGORIAN: return tamas_gregorian_to_jdn(m->year, m->month, m->day);
    case TAMAS_CAL_HIJRI: return tamas_hijri_to_jdn(m->year, m->month, m->day);
    default: return 0;
  }
}

/* Read up to `max` digits (any script) at s[*i]; returns how many. */
static int read_digits(const unsigned char *s, size_t n, size_t *i, int max,
                       int *value) {
  int count = 0, d;
  size_t cl;
  *value = 0;
  while (*i < n && count < max &&
         (d = tamas_digit_value(tamas_utf8_decode(s, n, *i, &cl))) >= 0) {
    *value = *value * 10 + d;
    *i += cl;
    count++;
  }
  return count;
}

/* The common case of a date column, "YYYY/MM/DD" and nothing else, read
** without the general scanner; it gives the same answer the scanner would.
** Returns 1 and fills d, or 0 to fall back to the scanner. */
static int whole_numeric_date(const char *text, size_t len, shape *d) {
  const unsigned char *s = (const unsigned char *)text;
  size_t i = 0;
  unsigned char sep;
  if (read_digits(s, len, &i, 4, &d->year) != 4 || i >= len) return 0;
  sep = s[i++];
  if (sep != '/' && sep != '-' && sep != '.') return 0;
  if (read_digits(s, len, &i, 2, &d->month) == 0 || i >= len || s[i++] != sep)
    return 0;
  if (read_digits(s, len, &i, 2, &d->day) == 0 || i != len) return 0;
  d->calendar = d->year < 1700 ? TAMAS_CAL_JALALI : TAMAS_CAL_GREGORIAN;
  return 1;
}

static int first_date_to_iso(const char *text, size_t len, unsigned calendars,
                             char *out) {
  tamas_date_match m;
  size_t from = 0;
  shape d;
  if (whole_numeric_date(text, len, &d)) {
    int32_t jdn;
    if (!(d.calendar & calendars) || !shape_is_valid(&d)) return 0;
    jdn = d.calendar == TAMAS_CAL_JALALI
              ? tamas_jalali_to_jdn(d.year, d.month, d.day)
              : tamas_gregorian_to_jdn(d.year, d.month, d.day);
    return jdn && tamas_jdn_to_iso(jdn, out);
  }
  while (tamas_find_date(text, len, from, calendars,
                         TAMAS_FIND_NEED_YEAR | TAMAS_FIND_NEED_DAY | TAMAS_FIND_VALID,
                         &m)) {
    int32_t jdn = tamas_date_match_jdn(&m);
    if (jdn && tamas_jdn_to_iso(jdn, out)) return 1;
    from = m.end; /* e.g. a Hijri date ICU rejects: look further */
  }
  return 0;
}

int tamas_jalali_text_to_iso(const char *text, size_t len, char *out) {
  return first_date_to_iso(text, len, TAMAS_CAL_JALALI, out);
}

int tamas_fa_date_text_to_iso(const char *text, size_t len, char *out) {
  return first_date_to_iso(text, len, TAMAS_CAL_ANY, out);
}
