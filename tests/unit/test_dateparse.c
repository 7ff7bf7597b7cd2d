/*
** test_dateparse.c — reading dates out of Persian text.
*/
#include "check.h"
#include "tamas.h"

static const char *jalali(const char *text) {
  static char out[11];
  return tamas_jalali_text_to_iso(text, strlen(text), out) ? out : NULL;
}

static const char *any_date(const char *text) {
  static char out[11];
  return tamas_fa_date_text_to_iso(text, strlen(text), out) ? out : NULL;
}

static void test_numeric(void) {
  CHECK_STR(jalali("1401/02/24"), "2022-05-14");
  CHECK_STR(jalali("1401/2/24"), "2022-05-14");
  CHECK_STR(jalali("1401-02-24"), "2022-05-14");
  CHECK_STR(jalali("۱۴۰۱/۰۲/۲۴"), "2022-05-14");
  CHECK_STR(jalali("١٤٠١/٠٢/٢٤"), "2022-05-14");      /* Arabic-Indic */
  CHECK_STR(jalali("۱۴۰۱/2/٢٤"), "2022-05-14");       /* mixed scripts */
  CHECK_STR(jalali("24/02/1401"), "2022-05-14");       /* day first */
  CHECK_STR(jalali("1401.02.24"), "2022-05-14");
  CHECK_STR(jalali("1401/02-24"), NULL);               /* mixed separators */
  CHECK_STR(jalali("1401 / 02 / 24"), NULL);           /* not a date shape */
  CHECK_STR(jalali("2022/05/14"), NULL);               /* Gregorian */
  CHECK_STR(any_date("2022/05/14"), "2022-05-14");
  CHECK_STR(jalali("01/02/24"), NULL);                 /* two-digit year */
}

static void test_named(void) {
  CHECK_STR(jalali("24 اردیبهشت 1401"), "2022-05-14");
  CHECK_STR(jalali("۲۴ اردیبهشت ۱۴۰۱"), "2022-05-14");
  CHECK_STR(jalali("۲۴ اردی‌بهشت ۱۴۰۱"), "2022-05-14");
  CHECK_STR(jalali("۲۴ اردی بهشت ۱۴۰۱"), "2022-05-14");
  CHECK_STR(jalali("۲۴ ارديبهشت ۱۴۰۱"), "2022-05-14"); /* Arabic yeh */
  CHECK_STR(jalali("۷ مرداد ۱۴۰۱"), "2022-07-29");
  CHECK_STR(jalali("۷ امرداد ۱۴۰۱"), "2022-07-29");
  CHECK_STR(jalali("۸ دی‌ماه ۱۴۰۱"), "2022-12-29");
  CHECK_STR(jalali("۸ دیماه ۱۴۰۱"), "2022-12-29");
  CHECK_STR(jalali("۸ دی ماه سال ۱۴۰۱"), "2022-12-29");
  CHECK_STR(jalali("۲۹ بهمن‌ماه ۱۴۰۰"), "2022-02-18");
  CHECK_STR(jalali("۲۹ بهـــمن ۱۴۰۰"), "2022-02-18");  /* kashida */
  CHECK_STR(jalali("۲۴ام اردیبهشت ۱۴۰۱"), "2022-05-14");
  CHECK_STR(jalali("۲۹ دلو ۱۴۰۰"), "2022-02-18");      /* Dari month */
  CHECK_STR(jalali("۲۹ حوت ۱۴۰۰"), "2022-03-20");
  CHECK_STR(jalali("به میزان ۲۰ درصد"), NULL);
  CHECK_STR(jalali("۲۴ اردیبهشت"), NULL);              /* no year */
}

static void test_weekdays_and_words(void) {
  CHECK_STR(jalali("شنبه ۲۴ اردیبهشت ۱۴۰۱"), "2022-05-14");
  CHECK_STR(jalali("سه‌شنبه ۲۷ اردیبهشت ۱۴۰۱"), "2022-05-17");
  CHECK_STR(jalali("سه شنبه ۲۷ اردیبهشت ۱۴۰۱"), "2022-05-17");
  CHECK_STR(jalali("سهشنبه، ۲۷ اردیبهشت ۱۴۰۱"), "2022-05-17");
  CHECK_STR(jalali("پنج‌شنبه بیست و نهم آبان ۱۴۰۴"), "2025-11-20");
  CHECK_STR(jalali("یکم فروردین ۱۴۰۲"), "2023-03-21");
  CHECK_STR(jalali("اول فروردین ۱۴۰۲"), "2023-03-21");
  CHECK_STR(jalali("دوم اسفند ۱۴۰۰"), "2022-02-21");
  CHECK_STR(jalali("پنجم اسفند ماه ۱۴۰۰"), "2022-02-24");
  CHECK_STR(jalali("بیست و چهارم اردیبهشت ۱۴۰۱"), "2022-05-14");
  CHECK_STR(jalali("سی‌ام مهر ۱۴۰۱"), "2022-10-22");
  CHECK_STR(jalali("سی و یکم شهریور ۱۴۰۱"), "2022-09-22");
}

static void test_header_noise(void) {
  CHECK_STR(jalali("بین‌الملل 09:47 - 24 اردیبهشت 1401"), "2022-05-14");
  CHECK_STR(jalali("۷ مرداد ۱۴۰۱، ۲۱:۴۸"), "2022-07-29");
  CHECK_STR(jalali("تاریخ انتشار: ۰۸:۴۴ - ۰۸ دی ۱۴۰۱ - 2022 December 29"), "2022-12-29");
  CHECK_STR(jalali("تاریخ انتشار: ۱۳:۴۱ - ۲۹ بهمن ۱۴۰۰ - 2022 February 18"), "2022-02-18");
  CHECK_STR(jalali("12:05:33 1401/02/24"), "2022-05-14");
  CHECK_STR(jalali("۱۸ فوریه ۲۰۲۲ (۲۹ بهمن ۱۴۰۰)"), "2022-02-18");
  CHECK_STR(jalali("۱۴ رمضان ۱۴۴۳ - ۲۶ فروردین ۱۴۰۱"), "2022-04-15");
  CHECK_STR(jalali("2022 December 29"), NULL);
  CHECK_STR(jalali("ساعت ۱۰:۳۰ صبح"), NULL);
}

static void test_impossible(void) {
  CHECK_STR(jalali("۳۰ اسفند ۱۴۰۱"), NULL);
  CHECK_STR(jalali("۳۰ اسفند ۱۴۰۳"), "2025-03-20");
  CHECK_STR(jalali("۳۱ مهر ۱۴۰۱"), NULL);
  CHECK_STR(jalali("1401/13/01"), NULL);
  CHECK_STR(jalali("1401/00/10"), NULL);
  CHECK_STR(jalali("1401/07/31"), NULL);
  CHECK_STR(jalali("۱ فروردین ۱۱۹۹"), NULL);
  CHECK_STR(jalali("۱ فروردین ۱۶۳۳"), NULL);
  CHECK_STR(jalali("۱ فروردین ۹۹۹۹۹۹۹۹۹۹۹۹۹"), NULL);
  CHECK_STR(jalali(""), NULL);
  CHECK_STR(jalali("هیچ تاریخی اینجا نیست"), NULL);
}

static void test_other_calendars(void) {
  CHECK_STR(any_date("۱۸ فوریه ۲۰۲۲"), "2022-02-18");
  CHECK_STR(any_date("2022 December 29"), "2022-12-29");
  CHECK_STR(any_date("December 29, 2022"), "2022-12-29");
  CHECK_STR(any_date("۲۱ ژوئیه ۲۰۲۲"), "2022-07-21");
  CHECK_STR(any_date("۲۱ جولای ۲۰۲۲"), "2022-07-21");
  CHECK_STR(any_date("۱۰ می ۲۰۲۲"), "2022-05-10");
  CHECK_STR(any_date("۱۰ مه ۲۰۲۲"), "2022-05-10");
  CHECK_STR(any_date("۳ اوت ۲۰۲۲"), "2022-08-03");
  CHECK_STR(any_date("۳ آگوست ۲۰۲۲"), "2022-08-03");
  CHECK_STR(any_date("۲۹ فوریه ۲۰۲۳"), NULL);
  CHECK_STR(any_date("۲۹ فوریه ۲۰۲۴"), "2024-02-29");
  CHECK_STR(any_date("۲۴ اردیبهشت ۱۴۰۱"), "2022-05-14");
  /* Hijri, Umm al-Qura: 1 Ramadan 1443 = 2022-04-02 */
  CHECK_STR(any_date("۱ رمضان ۱۴۴۳"), "2022-04-02");
  CHECK_STR(any_date("۱۰ محرم ۱۴۴۴"), "2022-08-08");
  CHECK_STR(any_date("۱۲ ربیع‌الاول ۱۴۴۴"), "2022-10-08");
  CHECK_STR(any_date("۱۲ ربيع الاول ۱۴۴۴"), "2022-10-08");
  CHECK_STR(any_date("۱۰ ذی‌الحجه ۱۴۴۳"), "2022-07-09");
}

/* A lunar month has 29 or 30 days: day 30 of a 29-day month is no date, and
** never the same day as the 1st of the next month. */
static void test_hijri_month_lengths(void) {
  int m, short_months = 0;
  for (m = 1; m < 12; m++) {
    int32_t last = tamas_hijri_to_jdn(1444, m, 30);
    if (last == 0) short_months++;
    else CHECK_INT(last + 1, tamas_hijri_to_jdn(1444, m + 1, 1));
    CHECK(tamas_hijri_to_jdn(1444, m, 29) != 0);
  }
  CHECK(short_months >= 4 && short_months <= 7);
  CHECK_INT(tamas_hijri_to_jdn(1444, 13, 1), 0);
  CHECK_INT(tamas_hijri_to_jdn(1299, 1, 1), 0);
}

/* A day back to its Hijri date: the inverse of tamas_hijri_to_jdn over two
** lunar years, and none outside 1300–1600 AH. */
static void test_jdn_to_hijri(void) {
  int32_t first = tamas_hijri_to_jdn(1444, 1, 1), jdn;
  int y, m, d;
  CHECK(first != 0);
  for (jdn = first; jdn < first + 710; jdn++) {
    CHECK(tamas_jdn_to_hijri(jdn, &y, &m, &d));
    CHECK_INT(tamas_hijri_to_jdn(y, m, d), jdn);
  }
  CHECK(tamas_jdn_to_hijri(tamas_gregorian_to_jdn(2024, 3, 20), &y, &m, &d));
  CHECK(y == 1445 && m == 9 && d == 10); /* 10 Ramadan 1445 */
  CHECK(!tamas_jdn_to_hijri(tamas_gregorian_to_jdn(1850, 1, 1), &y, &m, &d));
}

static void test_find_date_spans(void) {
  const char *text = "روز سه‌شنبه ۲۷ اردیبهشت ۱۴۰۱ دیدار شد";
  tamas_date_match m;
  CHECK(tamas_find_date(text, strlen(text), 0, TAMAS_CAL_ANY, 0, &m));
  CHECK_INT(m.weekday, 3);
  CHECK_INT(m.year, 1401);
  CHECK_INT(m.month, 2);
  CHECK_INT(m.day, 27);
  CHECK_INT(m.start, strlen("روز "));
  CHECK_INT(m.end, strlen("روز سه‌شنبه ۲۷ اردیبهشت ۱۴۰۱"));

  text = "در ۲۴ فوریه (پنجم اسفند) آغاز شد";
  CHECK(tamas_find_date(text, strlen(text), 0, TAMAS_CAL_ANY, 0, &m));
  CHECK(m.calendar == TAMAS_CAL_GREGORIAN && m.year == 0 && m.month == 2 && m.day == 24);
  CHECK(tamas_find_date(text, strlen(text), m.end, TAMAS_CAL_ANY, 0, &m));
  CHECK(m.calendar == TAMAS_CAL_JALALI && m.year == 0 && m.month == 12 && m.day == 5);
  CHECK(!tamas_find_date(text, strlen(text), m.end, TAMAS_CAL_ANY, 0, &m));

  text = "در پایان ماه اکتبر دیدار کردند";
  CHECK(tamas_find_date(text, strlen(text), 0, TAMAS_CAL_ANY, 0, &m));
  CHECK(m.calendar == TAMAS_CAL_GREGORIAN && m.year == 0 && m.month == 10 && m.day == 0);
  text = "مهر و موم شد";   /* a month name alone is not a date */
  CHECK(!tamas_find_date(text, strlen(text), 0, TAMAS_CAL_ANY, 0, &m));

  text = "در پایان اکتبر ۲۰۲۲";
  CHECK(tamas_find_date(text, strlen(text), 0, TAMAS_CAL_ANY, 0, &m));
  CHECK(m.year == 2022 && m.month == 10 && m.day == 0);
  CHECK(!tamas_find_date(text, strlen(text), 0, TAMAS_CAL_ANY, TAMAS_FIND_NEED_DAY, &m));
}

static void test_bad_bytes(void) {
  /* invalid UTF-8 around a date, and a text cut inside a character */
  const char bad[] = "\xff\xfe 1401/02/24 \xc3";
  const char cut[] = "۲۴ اردیبهشت ۱۴۰۱";
  char out[11];
  CHECK(tamas_jalali_text_to_iso(bad, sizeof bad - 1, out) && strcmp(out, "2022-05-14") == 0);
  CHECK(!tamas_jalali_text_to_iso(cut, sizeof cut - 2, out)); /* year cut */
  CHECK(!tamas_jalali_text_to_iso("\xe0\x80\xaf", 3, out));   /* overlong */
  CHECK(!tamas_jalali_text_to_iso("\xed\xa0\x80", 3, out));   /* surrogate */
  CHECK(tamas_jalali_text_to_iso("1401/02/24\0tail", 15, out)); /* NUL inside */
  /* marks at a word's end or alone once made the scanner stop advancing */
  CHECK_STR(jalali("پروندهٔ خبری ۲۴ اردیبهشت ۱۴۰۱"), "2022-05-14");
  CHECK_STR(jalali("\xd9\x94 \xd9\x80 ۲۴ اردیبهشت ۱۴۰۱ \xd9\x8b"), "2022-05-14");
  CHECK_STR(jalali("خبری\xe2\x80\x8c"), NULL);
}

/* A whole-string numeric date takes a fast path; a leading space sends the
** same date through the general scanner.  Both must agree on every day of
** three years, on both sides of a leap day, and on impossible days. */
static void test_fast_path_agrees(void) {
  int y, m, d, disagree = 0, dates = 0;
  for (y = 1399; y <= 1403; y++)
    for (m = 0; m <= 13; m++)
      for (d = 0; d <= 32; d++) {
        char plain[32], spaced[40], a[11], b[11];
        int ra, rb;
        snprintf(plain, sizeof plain, "%d/%d/%02d", y, m, d);
        snprintf(spaced, sizeof spaced, " %s", plain);
        ra = tamas_jalali_text_to_iso(plain, strlen(plain), a);
        rb = tamas_jalali_text_to_iso(spaced, strlen(spaced), b);
        dates += ra;
        if (ra != rb || (ra && strcmp(a, b) != 0)) disagree++;
      }
  CHECK_INT(disagree, 0);
  CHECK_INT(dates, 5 * 365 + 2); /* 1399 and 1403 are leap years */
  CHECK_STR(any_date("2024-02-29"), "2024-02-29");
  CHECK_STR(any_date("2023-02-29"), NULL);
  CHECK_STR(jalali("1401/02/24 "), "2022-05-14");
  CHECK_STR(jalali("1401/02/245"), NULL);
}

int main(void) {
  test_fast_path_agrees();
  test_numeric();
  test_named();
  test_weekdays_and_words();
  test_header_noise();
  test_impossible();
  test_other_calendars();
  test_hijri_month_lengths();
  test_jdn_to_hijri();
  test_find_date_spans();
  test_bad_bytes();
  return check_summary();
}
