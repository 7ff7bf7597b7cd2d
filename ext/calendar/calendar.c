/*
** calendar.c — Jalali and Gregorian calendar arithmetic, SQLite-style time
** values, and Jalali formatting.
**
** Everything here is integer arithmetic on Julian Day Numbers (JDN), with no
** library call per date, so jalali_to_iso() costs about what date() costs.
**
** The Jalali leap rule is the arithmetic 33-year cycle: year y is a leap year
** when (25*y + 11) mod 33 < 8.  Between 1200 and 1632 AP it agrees with the
** official (astronomical) Iranian calendar and with ICU's Persian calendar;
** tests/unit/test_calendar.c checks every day of that range against ICU.
** Outside that range we return "no date" rather than a possibly wrong one.
*/
#include "tamas.h"

#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

/* JDN of 1 Farvardin 1 AP. */
#define JALALI_EPOCH_JDN 1948320

static int32_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
  return (int32_t)q;
}

int tamas_jalali_is_leap(int year) {
  int64_t r = ((int64_t)25 * year + 11) % 33;
  if (r < 0) r += 33;
  return r < 8;
}

int tamas_jalali_month_days(int year, int month) {
  if (month < 1 || month > 12) return 0;
  if (month <= 6) return 31;
  if (month <= 11) return 30;
  return tamas_jalali_is_leap(year) ? 30 : 29;
}

int tamas_gregorian_is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int tamas_gregorian_month_days(int year, int month) {
  static const unsigned char days[12] = {31, 28, 31, 30, 31, 30,
                                         31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2 && tamas_gregorian_is_leap(year)) return 29;
  return days[month - 1];
}

/* Days from 1 Farvardin 1 AP to 1 Farvardin of `year`. */
static int64_t jalali_days_before_year(int year) {
  return (int64_t)365 * (year - 1) + floor_div((int64_t)8 * year + 21, 33);
}

/* Days from 1 Farvardin to the first day of `month` (1-based). */
static int jalali_days_before_month(int month) {
  return month <= 7 ? 31 * (month - 1) : 30 * (month - 1) + 6;
}

static int jalali_year_in_range(int year) {
  return year >= TAMAS_JALALI_MIN_YEAR && year <= TAMAS_JALALI_MAX_YEAR;
}

int32_t tamas_jalali_to_jdn(int year, int month, int day) {
  if (!jalali_year_in_range(year)) return 0;
  if (day < 1 || day > tamas_jalali_month_days(year, month)) return 0;
  return (int32_t)(JALALI_EPOCH_JDN + jalali_days_before_year(year) +
                   jalali_days_before_month(month) + day - 1);
}

int tamas_jdn_to_jalali(int32_t jdn, int *year, int *month, int *day) {
  int64_t days = (int64_t)jdn - JALALI_EPOCH_JDN;
  int y = 1 + floor_div(33 * days + 3, 12053);
  int64_t day_of_year = days - jalali_days_before_year(y);
  int m;
  if (!jalali_year_in_range(y)) return 0;
  m = day_of_year < 216 ? (int)(day_of_year / 31) + 1
                        : (int)((day_of_year - 6) / 30) + 1;
  *year = y;
  *month = m;
  *day = (int)(day_of_year - jalali_days_before_month(m)) + 1;
  return 1;
}

/* Proleptic Gregorian date to JDN without range checks; a day past the end
** of the month rolls over into the next, as in SQLite's date(). */
static int64_t gregorian_to_jdn_unchecked(int64_t y, int64_t m, int64_t d) {
  int64_t a = (14 - m) / 12;
  int64_t y2 = y + 4800 - a;
  int64_t m2 = m + 12 * a - 3;
  return d + (153 * m2 + 2) / 5 + 365 * y2 + floor_div(y2, 4) -
         floor_div(y2, 100) + floor_div(y2, 400) - 32045;
}

int32_t tamas_gregorian_to_jdn(int year, int month, int day) {
  if (year < TAMAS_GREGORIAN_MIN_YEAR || year > TAMAS_GREGORIAN_MAX_YEAR) return 0;
  if (day < 1 || day > tamas_gregorian_month_days(year, month)) return 0;
  return (int32_t)gregorian_to_jdn_unchecked(year, month, day);
}

int tamas_jdn_to_gregorian(int32_t jdn, int *year, int *month, int *day) {
  /* 32-bit unsigned arithmetic is exact here (jdn < 2^27) and much faster
  ** than 64-bit signed division on the hot path of jalali_to_iso(). */
  uint32_t a, b, c, d, e, m;
  int y;
  if (jdn < 0 || jdn > 5373484) return 0;
  a = (uint32_t)jdn + 32044;
  b = (4 * a + 3) / 146097;
  c = a - 146097 * b / 4;
  d = (4 * c + 3) / 1461;
  e = c - 1461 * d / 4;
  m = (5 * e + 2) / 153;
  y = (int)(100 * b + d + m / 10) - 4800;
  if (y < TAMAS_GREGORIAN_MIN_YEAR || y > TAMAS_GREGORIAN_MAX_YEAR) return 0;
  *year = y;
  *month = (int)(m + 3 - 12 * (m / 10));
  *day = (int)(e - (153 * m + 2) / 5 + 1);
  return 1;
}

int tamas_jdn_weekday(int32_t jdn) {
  int w = (int)(((int64_t)jdn + 2) % 7);
  return w < 0 ? w + 7 : w;
}

/* Write n digits of v, zero-padded, to out. */
static void put_digits(char *out, int v, int n) {
  while (n-- > 0) {
    out[n] = (char)('0' + v % 10);
    v /= 10;
  }
}

int tamas_jdn_to_iso(int32_t jdn, char *out) {
  int y, m, d;
  if (!tamas_jdn_to_gregorian(jdn, &y, &m, &d)) return 0;
  put_digits(out, y, 4);
  out[4] = '-';
  put_digits(out + 5, m, 2);
  out[7] = '-';
  put_digits(out + 8, d, 2);
  out[10] = 0;
  return 10;
}

/* ---- time values as SQLite's date() reads them ------------------------- */

/* Read exactly `width` ASCII digits at s[*i] into *v, checking lo <= v <= hi. */
static int read_fixed_digits(const char *s, size_t n, size_t *i, int width,
                             int lo, int hi, int *v) {
  int x = 0, k;
  if (*i + (size_t)width > n) return 0;
  for (k = 0; k < width; k++) {
    char c = s[*i + (size_t)k];
    if (c < '0' || c > '9') return 0;
    x = x * 10 + (c - '0');
  }
  if (x < lo || x > hi) return 0;
  *i += (size_t)width;
  *v = x;
  return 1;
}

static int is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

static void skip_spaces(const char *s, size_t n, size_t *i) {
  while (*i < n && is_ascii_space(s[*i])) (*i)++;
}

/* "Z", "+HH:MM" or "-HH:MM" (spaces around allowed), then end of text.
** Stores the offset east of UTC in minutes. */
static int read_timezone_to_end(const char *s, size_t n, size_t *i, int *tz) {
  int sign, hh, mm;
  skip_spaces(s, n, i);
  *tz = 0;
  if (*i == n) return 1;
  if (s[*i] == 'Z' || s[*i] == 'z') {
    (*i)++;
  } else {
    if (s[*i] != '+' && s[*i] != '-') return 0;
    sign = s[*i] == '-' ? -1 : 1;
    (*i)++;
    if (!read_fixed_digits(s, n, i, 2, 0, 14, &hh)) return 0;
    if (*i >= n || s[*i] != ':') return 0;
    (*i)++;
    if (!read_fixed_digits(s, n, i, 2, 0, 59, &mm)) return 0;
    *tz = sign * (hh * 60 + mm);
  }
  skip_spaces(s, n, i);
  return *i == n;
}

/* "HH:MM[:SS[.fff]]" plus an optional time zone to the end of the text.
** Sets *seconds to the UTC offset of that moment from local midnight. */
static int read_time_to_end(const char *s, size_t n, size_t *i, int64_t *seconds) {
  int hh, mm, ss = 0, tz;
  if (!read_fixed_digits(s, n, i, 2, 0, 24, &hh)) return 0;
  if (*i >= n || s[*i] != ':') return 0;
  (*i)++;
  if (!read_fixed_digits(s, n, i, 2, 0, 59, &mm)) return 0;
  if (*i < n && s[*i] == ':') {
    (*i)++;
    if (!read_fixed_digits(s, n, i, 2, 0, 59, &ss)) return 0;
    if (*i + 1 < n && s[*i] == '.' && s[*i + 1] >= '0' && s[*i + 1] <= '9') {
      (*i)++;
      while (*i < n && s[*i] >= '0' && s[*i] <= '9') (*i)++;
    }
  }
  if (!read_timezone_to_end(s, n, i, &tz)) return 0;
  *seconds = (int64_t)hh * 3600 + mm * 60 + ss - (int64_t)tz * 60;
  return 1;
}

/* Largest Julian day SQLite accepts (9999-12-31 23:59:59.999). */
#define MAX_JULIAN_DAY 5373484.4999999

int tamas_julian_day_to_jdn(double jd, int32_t *jdn) {
  if (!(jd >= 0.0 && jd <= MAX_JULIAN_DAY)) return 0; /* also rejects NaN */
  *jdn = (int32_t)floor(jd + 0.5);
  return 1;
}

static int read_iso_date(const char *s, size_t n, int32_t *jdn) {
  size_t i = 0;
  int y, m, d;
  int64_t seconds = 0, day;
  if (!read_fixed_digits(s, n, &i, 4, 0, 9999, &y)) return 0;
  if (i >= n || s[i++] != '-') return 0;
  if (!read_fixed_digits(s, n, &i, 2, 1, 12, &m)) return 0;
  if (i >= n || s[i++] != '-') return 0;
  if (!read_fixed_digits(s, n, &i, 2, 1, 31, &d)) return 0;
  while (i < n && (is_ascii_space(s[i]) || s[i] == 'T')) i++;
  if (i < n && !read_time_to_end(s, n, &i, &seconds)) return 0;
  day = gregorian_to_jdn_unchecked(y, m, d) + floor_div(seconds, 86400);
  if (day < 0 || day > (int64_t)MAX_JULIAN_DAY) return 0;
  *jdn = (int32_t)day;
  return 1;
}

/* A decimal number (optional sign, fraction, exponent), spaces around. */
static int read_decimal(const char *s, size_t n, double *out) {
  char buf[64];
  size_t a = 0, b = n, k;
  char *end;
  while (a < b && is_ascii_space(s[a])) a++;
  while (b > a && is_ascii_space(s[b - 1])) b--;
  if (b == a || b - a >= sizeof buf) return 0;
  for (k = a; k < b; k++) {
    char c = s[k];
    if (!((c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-' ||
          c == 'e' || c == 'E'))
      return 0;
  }
  memcpy(buf, s + a, b - a);
  buf[b - a] = 0;
  *out = strtod(buf, &end);
  return end == buf + (b - a);
}

int tamas_parse_timevalue(const char *s, size_t n, int32_t *jdn) {
  size_t i = 0;
  int64_t seconds;
  double jd;
  if (read_iso_date(s, n, jdn)) return 1;
  if (read_time_to_end(s, n, &i, &seconds)) {
    *jdn = (int32_t)(gregorian_to_jdn_unchecked(2000, 1, 1) +
                     floor_div(seconds, 86400));
    return 1;
  }
  if (read_decimal(s, n, &jd)) return tamas_julian_day_to_jdn(jd, jdn);
  return 0;
}

/* ---- Jalali formatting --------------------------------------------------- */

static const char *const jalali_month_names[12] = {
    "فروردین", "اردیبهشت", "خرداد", "تیر",  "مرداد", "شهریور",
    "مهر",     "آبان",     "آذر",   "دی",   "بهمن",  "اسفند"};

const char *tamas_jalali_month_name(int month) {
  return month >= 1 && month <= 12 ? jalali_month_names[month - 1] : NULL;
}

/* A growing output buffer with a fixed capacity; `failed` sticks. */
typedef struct out_buf {
  char *p;
  size_t len, cap;
  int failed;
} out_buf;

static void out_bytes(out_buf *o, const char *s, size_t n) {
  if (o->failed || o->len + n + 1 > o->cap) {
    o->failed = 1;
    return;
  }
  memcpy(o->p + o->len, s, n);
  o->len += n;
  o->p[o->len] = 0;
}

static void out_str(out_buf *o, const char *s) { out_bytes(o, s, strlen(s)); }

/* A number with at least `width` digits, ASCII or Persian (U+06F0..U+06F9). */
static void out_number(out_buf *o, int v, int width, int persian) {
  char digits[12];
  int n = 0, k;
  do {
    digits[n++] = (char)('0' + v % 10);
    v /= 10;
  } while (v > 0 && n < 11);
  while (n < width && n < 11) digits[n++] = '0';
  for (k = n - 1; k >= 0; k--) {
    if (persian) {
      char fa[2] = {(char)0xDB, (char)(0xB0 + (digits[k] - '0'))};
      out_bytes(o, fa, 2);
    } else {
      out_bytes(o, &digits[k], 1);
    }
  }
}

static const char *named_jalali_format(const char *fmt) {
  if (fmt == NULL || strcmp(fmt, "iso") == 0) return "%Y-%m-%d";
  if (strcmp(fmt, "numeric") == 0) return "%OY/%Om/%Od";
  if (strcmp(fmt, "long") == 0) return "%Oe %B %OY";
  if (strcmp(fmt, "full") == 0) return "%A %Oe %B %OY";
  if (strcmp(fmt, "weekday") == 0) return "%A";
  return fmt;
}

int tamas_format_jalali(int32_t jdn, const char *fmt, char *out, size_t cap) {
  out_buf o = {out, 0, cap, cap == 0};
  int y, m, d;
  const char *f;
  if (!tamas_jdn_to_jalali(jdn, &y, &m, &d)) return -1;
  if (cap > 0) out[0] = 0;
  for (f = named_jalali_format(fmt); *f && !o.failed; f++) {
    int persian = 0;
    if (*f != '%') {
      out_bytes(&o, f, 1);
      continue;
    }
    f++;
    if (*f == 'O') { /* alternative (Persian) digits, numeric directives only */
      persian = 1;
      f++;
      if (*f != 'Y' && *f != 'm' && *f != 'd' && *f != 'e') return -1;
    }
    switch (*f) {
      case 'Y': out_number(&o, y, 4, persian); break;
      case 'm': out_number(&o, m, 2, persian); break;
      case 'd': out_number(&o, d, 2, persian); break;
      case 'e': out_number(&o, d, 1, persian); break;
      case 'B': out_str(&o, jalali_month_names[m - 1]); break;
      case 'A': out_str(&o, tamas_weekday_name(tamas_jdn_weekday(jdn))); break;
      case '%': out_bytes(&o, "%", 1); break;
      default: return -1; /* unknown directive, or '%' at the end */
    }
  }
  return o.failed ? -1 : (int)o.len;
}
