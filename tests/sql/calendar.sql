-- Calendar functions: jalali_to_iso, iso_to_jalali, fa_date_to_iso.
.load @TAMAS@
.headers off
.mode list
.nullvalue NULL

-- jalali_to_iso: the forms Persian news writes
SELECT 'numeric', jalali_to_iso('1401/02/24'), jalali_to_iso('۱۴۰۱/۲/۲۴'), jalali_to_iso('٢٤-٠٢-١٤٠١');
SELECT 'named', jalali_to_iso('۲۴ اردیبهشت ۱۴۰۱'), jalali_to_iso('24 ارديبهشت 1401'), jalali_to_iso('۲۴ اردی‌بهشت ماه ۱۴۰۱');
SELECT 'mordad', jalali_to_iso('۷ مرداد ۱۴۰۱'), jalali_to_iso('۷ امرداد ۱۴۰۱');
-- a year without its century (13xx for 50-99, 14xx below), only where it closes the date
SELECT 'short-year', jalali_to_iso('۲۲ خرداد ۹۸'), jalali_to_iso('۵ دی ۰۲'), jalali_to_iso('۲۲ خرداد ۹۸ نفر') IS NULL, jalali_to_iso('(۲۲ خرداد ۹۸)');
SELECT 'weekday', jalali_to_iso('سه‌شنبه ۲۷ اردیبهشت ۱۴۰۱'), jalali_to_iso('سه شنبه ۲۷ اردیبهشت ۱۴۰۱'), jalali_to_iso('سهشنبه ۲۷ اردیبهشت ۱۴۰۱');
SELECT 'ordinal', jalali_to_iso('یکم دی ۱۴۰۱'), jalali_to_iso('دوم اسفند ۱۴۰۰'), jalali_to_iso('پنجم اسفند ۱۴۰۰'), jalali_to_iso('بیست و چهارم اردیبهشت ۱۴۰۱');
SELECT 'header', jalali_to_iso('سیاست 11:05 - 3 آبان 1403'), jalali_to_iso('۱۸ آذر ۱۴۰۲، ۱۴:۰۵'), jalali_to_iso('تاریخ انتشار: ۱۱:۲۰ - ۱۴ مهر ۱۴۰۳ - 2024 October 05');
SELECT 'hijri-line', jalali_to_iso('شنبه ۱۳ ربیع‌الثانی ۱۴۴۶ - ۲۷ مهر ۱۴۰۳');
-- no Jalali date, impossible dates, years outside 1200-1632
SELECT 'null', jalali_to_iso(NULL), jalali_to_iso(''), jalali_to_iso('خبری بدون تاریخ'), jalali_to_iso('2024 October 05'), jalali_to_iso(14010224);
SELECT 'impossible', jalali_to_iso('۳۰ اسفند ۱۴۰۱'), jalali_to_iso('1401/13/01'), jalali_to_iso('۳۱ مهر ۱۴۰۱'), jalali_to_iso('۱ فروردین ۱۱۹۹'), jalali_to_iso('۱ فروردین ۱۶۳۳');
SELECT 'leap', jalali_to_iso('۳۰ اسفند ۱۳۹۹'), jalali_to_iso('۳۰ اسفند ۱۴۰۳'), jalali_to_iso('۳۰ اسفند ۱۴۰۰'), jalali_to_iso('۳۰ اسفند ۱۴۰۲');
SELECT 'blob', jalali_to_iso(CAST('1401/02/24' AS BLOB)), jalali_to_iso(x'ff00fe');

-- iso_to_jalali: what date() accepts, and formats
SELECT 'iso', iso_to_jalali('2022-05-14'), iso_to_jalali('2022-05-14 23:30:00'), iso_to_jalali('2022-05-14T23:30:00-03:00'), iso_to_jalali(2459714), iso_to_jalali(2459714.5);
SELECT 'formats', iso_to_jalali('2022-05-14', 'long'), iso_to_jalali('2022-05-14', 'full'), iso_to_jalali('2022-05-14', 'numeric'), iso_to_jalali('2022-05-14', 'weekday');
SELECT 'pattern', iso_to_jalali('2025-03-20', '%A %e %B %Y'), iso_to_jalali('2025-03-20', '%OY/%Om/%Od'), iso_to_jalali('2025-03-20', 'iso');
SELECT 'null', iso_to_jalali(NULL), iso_to_jalali('2022-05-14', NULL), iso_to_jalali('not a date'), iso_to_jalali('2022-13-01'), iso_to_jalali('1700-01-01'), iso_to_jalali('now'), iso_to_jalali(x'00');
SELECT iso_to_jalali('2022-05-14', '%Q');

-- fa_date_to_iso: any calendar, told apart by the month name
SELECT 'gregorian', fa_date_to_iso('۱۸ فوریه ۲۰۲۲'), fa_date_to_iso('2022 December 29'), fa_date_to_iso('December 29, 2022'), fa_date_to_iso('۲۱ جولای ۲۰۲۲'), fa_date_to_iso('۳ آگوست ۲۰۲۲');
SELECT 'jalali', fa_date_to_iso('۲۴ اردیبهشت ۱۴۰۱'), fa_date_to_iso('1401/02/24'), fa_date_to_iso('2022-05-14');
SELECT 'hijri', fa_date_to_iso('۱ رمضان ۱۴۴۳'), fa_date_to_iso('۱۰ محرم ۱۴۴۴'), fa_date_to_iso('۱۲ ربیع الاول ۱۴۴۴');
SELECT 'null', fa_date_to_iso(NULL), fa_date_to_iso('۲۹ فوریه ۲۰۲۳'), fa_date_to_iso('فقط متن');

-- thousands of dates nobody picked: every day from 1380 to 1420 AP round-trips,
-- and jalali_to_iso agrees with date() on each
WITH RECURSIVE d(jd) AS (SELECT julianday('2001-03-21') UNION ALL SELECT jd + 1 FROM d WHERE jd < julianday('2041-03-20'))
SELECT 'roundtrip', count(*), sum(jalali_to_iso(iso_to_jalali(jd)) = date(jd)),
       sum(jalali_to_iso(replace(iso_to_jalali(jd), '-', '/')) = date(jd)),
       sum(jalali_to_iso(iso_to_jalali(jd, 'full')) = date(jd))
FROM d;
-- random time values: iso_to_jalali reads them exactly when date() does, and
-- gives the same day as julianday() (date() itself echoes 2022-02-31 unchanged;
-- like julianday(), iso_to_jalali rolls it over to 2022-03-03)
WITH RECURSIVE r(i, s) AS (
  SELECT 0, NULL UNION ALL
  SELECT i + 1, printf('%04d-%02d-%02d%s', 1900 + abs(random()) % 300, abs(random()) % 14, abs(random()) % 33,
                       CASE abs(random()) % 4 WHEN 0 THEN '' WHEN 1 THEN ' 23:59' WHEN 2 THEN 'T01:00:00+05:00' ELSE ' 25:00' END)
  FROM r WHERE i < 5000)
SELECT 'date()', count(*), sum((iso_to_jalali(s) IS NULL) = (date(s) IS NULL)),
       sum(date(s) IS NULL OR jalali_to_iso(iso_to_jalali(s)) = date(julianday(s)))
FROM r WHERE s IS NOT NULL;
