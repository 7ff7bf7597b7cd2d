-- make demo: what tamas does today with the example articles in sql/news/.
-- (Run by `make demo` as: sqlite3 -cmd '.load build/tamas' -box :memory: < sql/demo.sql)
-- Contact extraction comes next (issue 4); until then the demo shows the
-- article reader and the calendar functions.

SELECT tamas_version() AS tamas;

-- One row per article: the headline, the publication date (also in the
-- Jalali calendar), the reporting agency and the size of the body.
SELECT substr(file, 10) AS article,
       title,
       published,
       iso_to_jalali(published, 'long') AS jalali,
       source,
       chars
FROM tamas_articles('sql/news/*.txt')
ORDER BY file;

-- Conversions a user tries first.
SELECT jalali_to_iso('۲۴ اردیبهشت ۱۴۰۱') AS jalali_to_iso,
       iso_to_jalali('2022-05-14', 'long') AS iso_to_jalali,
       fa_date_to_iso('2022 December 29') AS fa_date_to_iso;
