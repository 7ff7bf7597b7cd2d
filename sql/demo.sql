-- make demo: tamas on the example articles in sql/news/ (written for the
-- project in the style of real Persian news pages; see doc/example-news.md).
-- Run by `make demo` as: sqlite3 -cmd '.load build/tamas' -box :memory: < sql/demo.sql

SELECT tamas_version() AS tamas;

-- The articles: headline, publication date (also in the Jalali calendar),
-- the reporting agency, and how long the body is.
SELECT substr(file, 10) AS article, title, published,
       iso_to_jalali(published, 'long') AS jalali, source, chars
FROM tamas_articles('sql/news/*.txt')
ORDER BY file;

-- The contacts they report: who, how, when, and what became of it.
SELECT substr(file, 10, 2) AS art, date, date_precision AS prec, medium, status,
       actor1, actor2, initiator AS init, cameo
FROM tamas_events('sql/news/*.txt')
WHERE actor1 NOT LIKE 'org:%' AND actor2 NOT LIKE 'org:%'
ORDER BY file, date;

-- Conversions a user tries first.
SELECT jalali_to_iso('۲۴ اردیبهشت ۱۴۰۱') AS jalali_to_iso,
       iso_to_jalali('2022-05-14', 'long') AS iso_to_jalali,
       fa_date_to_iso('2022 December 29') AS fa_date_to_iso,
       fa_normalize('مي‌كند گفتوگو') AS fa_normalize;
