/*
** test_calendar.c — the calendar arithmetic against ICU, day by day.
**
** ICU's Persian calendar is the reference: for every day of 1200–1632 AP we
** convert both ways with tamas and with ucal, and compare.  Gregorian dates
** are checked against ICU's Gregorian calendar the same way.
*/
#include <unicode/ucal.h>

#include "check.h"
#include "tamas.h"

static UCalendar *open_calendar(const char *locale) {
  UErrorCode status = U_ZERO_ERROR;
  UCalendar *cal = ucal_open(u"UTC", -1, locale, UCAL_DEFAULT, &status);
  if (U_FAILURE(status)) {
    fprintf(stderr, "ucal_open(%s): %s\n", locale, u_errorName(status));
    return NULL;
  }
  ucal_setAttribute(cal, UCAL_LENIENT, 0);
  /* pure Gregorian, no Julian switch-over */
  ucal_setGregorianChange(cal, -1e300, &status);
  return cal;
}

static int32_t icu_to_jdn(UCalendar *cal, int y, int m, int d) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t jdn;
  ucal_clear(cal);
  ucal_set(cal, UCAL_EXTENDED_YEAR, y);
  ucal_set(cal, UCAL_MONTH, m - 1);
  ucal_set(cal, UCAL_DATE, d);
  jdn = ucal_get(cal, UCAL_JULIAN_DAY, &status);
  return U_FAILURE(status) ? 0 : jdn;
}

static void icu_from_jdn(UCalendar *cal, int32_t jdn, int *y, int *m, int *d) {
  UErrorCode status = U_ZERO_ERROR;
  ucal_clear(cal);
  ucal_set(cal, UCAL_JULIAN_DAY, jdn);
  *y = ucal_get(cal, UCAL_EXTENDED_YEAR, &status);
  *m = ucal_get(cal, UCAL_MONTH, &status) + 1;
  *d = ucal_get(cal, UCAL_DATE, &status);
}

/* Every day of every supported Jalali year, both directions; one check per
** year and direction so a failure names the year. */
static void test_jalali_against_icu(void) {
  UCalendar *cal = open_calendar("fa_IR@calendar=persian");
  int y;
  CHECK(cal != NULL);
  if (!cal) return;
  for (y = TAMAS_JALALI_MIN_YEAR; y <= TAMAS_JALALI_MAX_YEAR; y++) {
    int m, d, bad_to = 0, bad_from = 0;
    int32_t first = tamas_jalali_to_jdn(y, 1, 1);
    int32_t next = y < TAMAS_JALALI_MAX_YEAR ? tamas_jalali_to_jdn(y + 1, 1, 1)
                                             : first + 365 + tamas_jalali_is_leap(y);
    for (m = 1; m <= 12; m++) {
      for (d = 1; d <= 31; d++) {
        int32_t ours = tamas_jalali_to_jdn(y, m, d);
        int32_t icu = icu_to_jdn(cal, y, m, d);
        if (ours != icu) bad_to++;
      }
    }
    for (int32_t j = first; j < next; j++) {
      int ty, tm, td, iy, im, id;
      icu_from_jdn(cal, j, &iy, &im, &id);
      if (!tamas_jdn_to_jalali(j, &ty, &tm, &td) || ty != iy || tm != im || td != id)
        bad_from++;
    }
    if (bad_to || bad_from)
      fprintf(stderr, "year %d: %d dates and %d days differ from ICU\n", y,
              bad_to, bad_from);
    CHECK(bad_to == 0);
    CHECK(bad_from == 0);
  }
  ucal_close(cal);
}

static void test_gregorian_against_icu(void) {
  UCalendar *cal = open_calendar("en@calendar=gregorian");
  int32_t j;
  int bad = 0;
  CHECK(cal != NULL);
  if (!cal) return;
  /* 1700-01-01 .. 2400-01-01, every day */
  for (j = 2341973; j < 2597642; j++) {
    int y, m, d, iy, im, id;
    icu_from_jdn(cal, j, &iy, &im, &id);
    if (!tamas_jdn_to_gregorian(j, &y, &m, &d) || y != iy || m != im || d != id ||
        tamas_gregorian_to_jdn(y, m, d) != j)
      bad++;
  }
  CHECK_INT(bad, 0);
  ucal_close(cal);
}

static const char *iso(int32_t jdn) {
  static char buf[11];
  return tamas_jdn_to_iso(jdn, buf) ? buf : NULL;
}

static void test_leap_years(void) {
  CHECK(tamas_jalali_is_leap(1399));
  CHECK(tamas_jalali_is_leap(1403));
  CHECK(!tamas_jalali_is_leap(1400));
  CHECK(!tamas_jalali_is_leap(1401));
  CHECK(!tamas_jalali_is_leap(1402));
  CHECK(!tamas_jalali_is_leap(1404));
  CHECK(tamas_jalali_is_leap(1408));
  CHECK_STR(iso(tamas_jalali_to_jdn(1399, 12, 30)), "2021-03-20");
  CHECK_STR(iso(tamas_jalali_to_jdn(1403, 12, 30)), "2025-03-20");
  CHECK_INT(tamas_jalali_to_jdn(1400, 12, 30), 0);
  CHECK_INT(tamas_jalali_to_jdn(1401, 12, 30), 0);
  CHECK_INT(tamas_jalali_to_jdn(1402, 12, 30), 0);
  CHECK_STR(iso(tamas_jalali_to_jdn(1400, 1, 1)), "2021-03-21");
  CHECK_STR(iso(tamas_jalali_to_jdn(1404, 1, 1)), "2025-03-21");
  CHECK_INT(tamas_jalali_month_days(1401, 7), 30);
  CHECK_INT(tamas_jalali_to_jdn(1401, 7, 31), 0);   /* 31 Mehr */
  CHECK_INT(tamas_jalali_to_jdn(1401, 13, 1), 0);   /* month 13 */
  CHECK_INT(tamas_jalali_to_jdn(1199, 12, 29), 0);  /* below the range */
  CHECK_INT(tamas_jalali_to_jdn(1633, 1, 1), 0);    /* above the range */
}

static void test_known_days(void) {
  int y, m, d;
  CHECK_STR(iso(tamas_jalali_to_jdn(1401, 2, 24)), "2022-05-14");
  CHECK_STR(iso(tamas_jalali_to_jdn(1401, 10, 8)), "2022-12-29");
  CHECK_STR(iso(tamas_jalali_to_jdn(1401, 5, 7)), "2022-07-29");
  CHECK_STR(iso(tamas_jalali_to_jdn(1400, 11, 29)), "2022-02-18");
  CHECK_STR(iso(tamas_jalali_to_jdn(1404, 8, 29)), "2025-11-20");
  CHECK(tamas_jdn_to_jalali(tamas_gregorian_to_jdn(2026, 11, 23), &y, &m, &d));
  CHECK(y == 1405 && m == 9 && d == 2);
  CHECK_INT(tamas_jdn_weekday(tamas_gregorian_to_jdn(2022, 5, 14)), 0); /* Saturday */
  CHECK_INT(tamas_jdn_weekday(tamas_gregorian_to_jdn(2025, 11, 20)), 5); /* Thursday */
  CHECK_INT(tamas_gregorian_to_jdn(2022, 5, 14), 2459714);
  CHECK_INT(tamas_gregorian_to_jdn(2023, 2, 29), 0);
}

static const char *tv(const char *s) {
  int32_t jdn;
  return tamas_parse_timevalue(s, strlen(s), &jdn) ? iso(jdn) : NULL;
}

static void test_timevalues(void) {
  CHECK_STR(tv("2022-05-14"), "2022-05-14");
  CHECK_STR(tv("2022-05-14 23:59:59"), "2022-05-14");
  CHECK_STR(tv("2022-05-14T10:00:00.123Z"), "2022-05-14");
  CHECK_STR(tv("2022-05-14 23:00-03:00"), "2022-05-15"); /* to UTC */
  CHECK_STR(tv("2022-05-14 01:00 +03:30"), "2022-05-13");
  CHECK_STR(tv("2022-02-31"), "2022-03-03"); /* date() rolls over */
  CHECK_STR(tv("12:30"), "2000-01-01");
  CHECK_STR(tv("2459714.5"), "2022-05-15");
  CHECK_STR(tv(" 2459714 "), "2022-05-14");
  CHECK_STR(tv("2022-5-14"), NULL);
  CHECK_STR(tv("2022-13-01"), NULL);
  CHECK_STR(tv("2022-05-14 25:00"), NULL);
  CHECK_STR(tv("now"), NULL);
  CHECK_STR(tv(""), NULL);
  CHECK_STR(tv("-1"), NULL);
}

static const char *fmt(int y, int m, int d, const char *f) {
  static char buf[128];
  return tamas_format_jalali(tamas_jalali_to_jdn(y, m, d), f, buf, sizeof buf) >= 0
             ? buf
             : NULL;
}

static void test_format(void) {
  char tiny[5];
  CHECK_STR(fmt(1401, 2, 24, NULL), "1401-02-24");
  CHECK_STR(fmt(1401, 2, 24, "iso"), "1401-02-24");
  CHECK_STR(fmt(1401, 2, 24, "long"), "۲۴ اردیبهشت ۱۴۰۱");
  CHECK_STR(fmt(1401, 2, 24, "full"), "شنبه ۲۴ اردیبهشت ۱۴۰۱");
  CHECK_STR(fmt(1401, 2, 4, "numeric"), "۱۴۰۱/۰۲/۰۴");
  CHECK_STR(fmt(1403, 12, 30, "weekday"), "پنج‌شنبه");
  CHECK_STR(fmt(1401, 2, 4, "%e %B %Y (%A) 100%%"), "4 اردیبهشت 1401 (یکشنبه) 100%");
  CHECK_STR(fmt(1401, 2, 4, "%Od/%m"), "۰۴/02");
  CHECK_STR(fmt(1401, 2, 4, "%Q"), NULL);
  CHECK_STR(fmt(1401, 2, 4, "%OB"), NULL);
  CHECK_STR(fmt(1401, 2, 4, "trailing %"), NULL);
  CHECK_INT(tamas_format_jalali(tamas_jalali_to_jdn(1401, 2, 4), "iso", tiny, sizeof tiny), -1);
  CHECK_INT(tamas_format_jalali(0, "iso", tiny, sizeof tiny), -1);
}

int main(void) {
  test_leap_years();
  test_known_days();
  test_timevalues();
  test_format();
  test_gregorian_against_icu();
  test_jalali_against_icu();
  return check_summary();
}
