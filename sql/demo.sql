-- make demo: what tamas does today with the example articles in sql/news/.
-- (Run by `make demo` as: sqlite3 -cmd '.load build/tamas' -box :memory: < sql/demo.sql)
-- The article reader and contact extraction come next (issues 3 and 4); until
-- then the demo shows the calendar functions on the articles' header lines.

SELECT tamas_version() AS tamas;

-- The first date written near the top of each article, read in any calendar
-- and shown back in the Jalali calendar.
SELECT substr(name, 10) AS article,
       fa_date_to_iso(substr(CAST(readfile(name) AS TEXT), 1, 1500)) AS published,
       iso_to_jalali(fa_date_to_iso(substr(CAST(readfile(name) AS TEXT), 1, 1500)), 'full') AS jalali
FROM fsdir('sql/news')
WHERE name LIKE '%.txt'
ORDER BY name;

-- Conversions a user tries first.
SELECT jalali_to_iso('۲۴ اردیبهشت ۱۴۰۱') AS jalali_to_iso,
       iso_to_jalali('2022-05-14', 'long') AS iso_to_jalali,
       fa_date_to_iso('2022 December 29') AS fa_date_to_iso;
