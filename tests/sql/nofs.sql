-- sqlite3_tamas_nofs_init: the second entry point registers everything but
-- the tables that read files (tamas_articles, tamas_events), and
-- tamas_contacts without its path.  Exactly these functions and modules
-- appear.
CREATE TEMP TABLE before AS SELECT name, narg FROM pragma_function_list;
CREATE TEMP TABLE modules_before AS SELECT name FROM pragma_module_list;
.load @TAMAS@ sqlite3_tamas_nofs_init
.headers on
.mode list
SELECT f.name, f.narg,
       (f.flags & 0x000800) != 0 AS deterministic,
       (f.flags & 0x200000) != 0 AS innocuous,
       (f.flags & 0x080000) != 0 AS directonly
FROM pragma_function_list AS f
WHERE NOT EXISTS (SELECT 1 FROM before AS b WHERE b.name = f.name AND b.narg = f.narg)
ORDER BY f.name, f.narg;
SELECT name AS new_module FROM pragma_module_list EXCEPT SELECT name FROM modules_before ORDER BY 1;
-- what is registered works
SELECT jalali_to_iso('۲۴ اردیبهشت ۱۴۰۱') AS jalali, fa_normalize('مي‌كند') AS normalized;
SELECT status, medium, actor1, actor2, date
FROM extract_contacts('وزیر امور خارجه ایران روز دوشنبه در تماسی تلفنی با همتای عمانی خود گفت‌وگو کرد.', '2025-05-14');
SELECT count(*) > 100 AS actors FROM tamas_actors;
-- the file readers are not there, as tables or as modules
SELECT count(*) FROM tamas_articles('sql/news');
SELECT count(*) FROM tamas_events('sql/news');
CREATE VIRTUAL TABLE news USING tamas_events(path='sql/news');
-- tamas_contacts groups a table, but reads no path
CREATE TABLE ev AS
  SELECT 'a.txt' AS file, * FROM extract_contacts('وزیر امور خارجه ایران روز دوشنبه در تماسی تلفنی با همتای عمانی خود گفت‌وگو کرد.', '2025-05-14');
SELECT actor1, actor2, date, reports, files FROM tamas_contacts WHERE events = 'ev';
SELECT count(*) FROM tamas_contacts('sql/news');
