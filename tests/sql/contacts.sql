-- tamas_contacts: event rows grouped into real-world contacts.
-- The rows are written for the test (the sentences too): one phone call of
-- Araghchi and Lavrov reported by four outlets, on the day, the day after,
-- without a date, under the name of a state, and a month later as
-- background; a second call of the pair a week later; an undated report
-- published on the day of the second (both calls in its week: not placed);
-- a visit planned for a month and made in it; a denial; a call and a
-- meeting of another pair on one day, and a report of that day that names
-- neither medium nor the other minister (it could be either: not placed).
.load @TAMAS@
.headers on
.mode list
CREATE TABLE ev(file TEXT, medium TEXT, status TEXT, actor1 TEXT, actor1_country TEXT,
                actor2 TEXT, actor2_country TEXT, date TEXT, date_end TEXT, date_precision TEXT,
                published TEXT, evidence TEXT, source TEXT);
INSERT INTO ev VALUES
 ('news/a01.txt', 'phone', 'occurred', 'Abbas Araghchi', 'IRN', 'Sergey Lavrov', 'RUS',
  '2024-12-16', '2024-12-16', 'day', '2024-12-16 19:40',
  'عراقچی و لاوروف امروز در تماسی تلفنی درباره سوریه گفت‌وگو کردند.', 'ایرنا'),
 ('news/a02.txt', 'phone', 'occurred', 'Sergey Lavrov', 'RUS', 'Abbas Araghchi', 'IRN',
  '2024-12-16', '2024-12-16', 'day', '2024-12-17 08:10',
  'لاوروف شب گذشته با همتای ایرانی خود تلفنی صحبت کرد.', 'ایسنا'),
 ('news/a03.txt', 'unspecified', 'occurred', 'Abbas Araghchi', 'IRN', 'Sergey Lavrov', 'RUS',
  NULL, NULL, NULL, '2024-12-18',
  'وزیران خارجه ایران و روسیه درباره تحولات سوریه رایزنی کردند.', 'تسنیم'),
 ('news/a03.txt', 'phone', 'occurred', 'Abbas Araghchi', 'IRN', 'org:RUS', 'RUS',
  '2024-12-16', '2024-12-16', 'day', '2024-12-18',
  'مسکو دوشنبه در تماس تلفنی با عراقچی بر آتش‌بس تأکید کرد.', 'تسنیم'),
 ('news/a09.txt', 'phone', 'occurred', 'Abbas Araghchi', 'IRN', 'Sergey Lavrov', 'RUS',
  '2024-12-16', '2024-12-16', 'day', '2025-01-20',
  'دو وزیر آخرین بار در ۲۶ آذر تلفنی گفت‌وگو کرده بودند.', 'مهر'),
 ('news/a04.txt', 'phone', 'occurred', 'Abbas Araghchi', 'IRN', 'Sergey Lavrov', 'RUS',
  '2024-12-23', '2024-12-23', 'day', '2024-12-23 21:00',
  'عراقچی امشب بار دیگر با لاوروف تلفنی گفت‌وگو کرد.', 'ایرنا'),
 ('news/a05.txt', 'phone', 'occurred', 'Sergey Lavrov', 'RUS', 'Abbas Araghchi', 'IRN',
  '2024-12-23', '2024-12-23', 'day', '2024-12-24',
  'دومین تماس دو وزیر در یک هفته دیشب انجام شد.', 'ایسنا'),
 ('news/a06.txt', 'phone', 'occurred', 'Abbas Araghchi', 'IRN', 'Sergey Lavrov', 'RUS',
  NULL, NULL, NULL, '2024-12-23',
  'عراقچی و لاوروف تلفنی درباره برنامه هسته‌ای گفت‌وگو کردند.', 'مهر'),
 ('news/a07.txt', 'in_person', 'planned', 'Sergey Lavrov', 'RUS', 'Abbas Araghchi', 'IRN',
  '2025-01-01', '2025-01-31', 'month', '2024-12-28',
  'لاوروف قرار است در ژانویه به تهران سفر کند و با عراقچی دیدار کند.', 'ایرنا'),
 ('news/a08.txt', 'in_person', 'occurred', 'Abbas Araghchi', 'IRN', 'Sergey Lavrov', 'RUS',
  '2025-01-14', '2025-01-14', 'day', '2025-01-14',
  'عراقچی امروز در تهران میزبان لاوروف بود.', 'ایرنا'),
 ('news/a08.txt', 'unspecified', 'denied', 'Abbas Araghchi', 'IRN', 'Steve Witkoff', 'USA',
  NULL, NULL, NULL, '2025-01-14',
  'عراقچی هرگونه گفت‌وگو با ویتکاف را تکذیب کرد.', 'ایرنا'),
 ('news/a10.txt', 'phone', 'occurred', 'Abbas Araghchi', 'IRN', 'Hakan Fidan', 'TUR',
  '2025-01-05', '2025-01-05', 'day', '2025-01-05',
  'عراقچی صبح یکشنبه با فیدان تلفنی گفت‌وگو کرد.', 'ایرنا'),
 ('news/a11.txt', 'in_person', 'occurred', 'Hakan Fidan', 'TUR', 'Abbas Araghchi', 'IRN',
  '2025-01-05', '2025-01-05', 'day', '2025-01-05',
  'فیدان عصر همان روز در آنکارا میزبان عراقچی بود.', 'ایسنا'),
 ('news/a12.txt', 'unspecified', 'occurred', 'Abbas Araghchi', 'IRN', 'org:TUR', 'TUR',
  '2025-01-05', '2025-01-05', 'day', '2025-01-06',
  'وزیر خارجه ایران و مقام‌های ترکیه یکشنبه درباره قفقاز رایزنی کردند.', 'مهر');

-- every contact, whole
SELECT * FROM tamas_contacts WHERE events = 'ev';

-- the files of a contact, as json_each lists them
SELECT c.date, f.value AS file
FROM tamas_contacts(NULL, NULL, 'ev') AS c, json_each(c.files) AS f
WHERE c.date = '2024-12-16';

-- a planned contact and the occurred one that fulfils it (grouped once)
WITH c AS MATERIALIZED (SELECT * FROM tamas_contacts WHERE events = 'ev')
SELECT p.status, p.date AS planned, p.date_end AS planned_end, o.status, o.date AS held
FROM c AS p JOIN c AS o ON o.contact_id = p.fulfilled_by;

-- the same as a positional argument, and over a view
CREATE VIEW ev_view AS SELECT * FROM ev WHERE status <> 'denied';
SELECT count(*) AS contacts, sum(reports) AS reports FROM tamas_contacts(NULL, NULL, 'ev');
SELECT count(*) AS contacts, sum(reports) AS reports FROM tamas_contacts WHERE events = 'ev_view';

-- The order of the rows does not matter: the rows reversed, and in the
-- random order of a view read anew 20 times, give the same contacts, ids
-- and all, in the same order (the rowid is the place in the output).
CREATE TEMP TABLE want AS SELECT rowid AS k, * FROM tamas_contacts WHERE events = 'ev';
CREATE TABLE ev_reversed AS SELECT * FROM ev ORDER BY rowid DESC;
CREATE VIEW ev_shuffled AS SELECT * FROM ev ORDER BY random();
WITH RECURSIVE run(n, events) AS (VALUES (0, 'ev_reversed')
                                  UNION ALL SELECT n + 1, 'ev_shuffled' FROM run WHERE n < 20)
SELECT count(*) AS orders,
       sum(NOT EXISTS (SELECT rowid, * FROM tamas_contacts(NULL, NULL, run.events) EXCEPT
                       SELECT * FROM want)
           AND (SELECT count(*) FROM tamas_contacts(NULL, NULL, run.events)) =
               (SELECT count(*) FROM want)) AS same
FROM run;

-- Rows edited by hand are grouped as they are: the undated report given
-- the date of the second call joins it; the second call changed into a
-- meeting leaves the undated phone report to the first call alone.
UPDATE ev SET date = '2024-12-23' WHERE file = 'news/a06.txt';
SELECT date, medium, reports, articles, alternatives FROM tamas_contacts
WHERE events = 'ev' AND actor2 = 'Sergey Lavrov' AND status = 'occurred';
UPDATE ev SET date = NULL WHERE file = 'news/a06.txt';
UPDATE ev SET medium = 'in_person' WHERE file IN ('news/a04.txt', 'news/a05.txt');
SELECT date, medium, reports, articles, alternatives FROM tamas_contacts
WHERE events = 'ev' AND actor2 = 'Sergey Lavrov' AND status = 'occurred';

-- A table without a source column: sources is NULL; dates may be Julian
-- day numbers, and date_end and date_precision NULL.
CREATE TABLE bare AS SELECT file, medium, status, actor1, actor1_country, actor2, actor2_country,
  julianday(date) AS date, NULL AS date_end, NULL AS date_precision, published, evidence
  FROM ev WHERE file = 'news/a01.txt';
SELECT actor1, date, date_end, date_precision, reports, sources FROM tamas_contacts WHERE events = 'bare';
CREATE TABLE empty AS SELECT * FROM ev WHERE 0;
SELECT count(*) AS none FROM tamas_contacts WHERE events = 'empty';

-- Over a path it scans as tamas_events does, with the outlets of the
-- article reader; the same rows in a table give the same contacts.
SELECT contact_id, actor1, actor2, medium, status, date, date_precision, reports, articles,
       sources, first_reported, evidence_file, alternatives
FROM tamas_contacts('sql/news') ORDER BY rowid;
CREATE TABLE news AS
  SELECT e.*, a.source FROM tamas_events('sql/news') AS e JOIN tamas_articles('sql/news') AS a USING (file);
SELECT NOT EXISTS (SELECT rowid, * FROM tamas_contacts('sql/news', 1)
                   EXCEPT SELECT rowid, * FROM tamas_contacts WHERE events = 'news')
   AND NOT EXISTS (SELECT rowid, * FROM tamas_contacts WHERE events = 'news'
                   EXCEPT SELECT rowid, * FROM tamas_contacts('sql/news', 1)) AS path_is_table;
SELECT count(*) AS contacts_of_one_file FROM tamas_contacts('sql/news/07_ascii_date_tehran.txt');

-- Errors say what is wrong.
SELECT * FROM tamas_contacts;
SELECT * FROM tamas_contacts(NULL);
SELECT * FROM tamas_contacts('sql/news', NULL, 'ev');
SELECT * FROM tamas_contacts WHERE events = 'ev' AND threads = 1;
SELECT * FROM tamas_contacts WHERE events = 'no_such_table';
SELECT * FROM tamas_contacts WHERE events = 'want';
SELECT * FROM tamas_contacts('build/no/such/news');
SELECT * FROM tamas_contacts('sql/news' || char(0) || 'x');
SELECT * FROM tamas_contacts('sql/news', -1);
SELECT * FROM tamas_contacts('sql/news', 'two');
CREATE TABLE bad AS SELECT * FROM ev WHERE file = 'news/a01.txt';
UPDATE bad SET status = 'occured';
SELECT * FROM tamas_contacts WHERE events = 'bad';
UPDATE bad SET status = 'occurred', medium = 'telegram';
SELECT * FROM tamas_contacts WHERE events = 'bad';
UPDATE bad SET medium = NULL;
SELECT * FROM tamas_contacts WHERE events = 'bad';
UPDATE bad SET medium = 'phone', actor2 = '';
SELECT * FROM tamas_contacts WHERE events = 'bad';
UPDATE bad SET actor2 = 'Sergey Lavrov', date = '26 آذر 1403';
SELECT * FROM tamas_contacts WHERE events = 'bad';
UPDATE bad SET date = '2024-12-16', date_end = '2024-12-15';
SELECT * FROM tamas_contacts WHERE events = 'bad';
UPDATE bad SET date_end = NULL, date_precision = 'day or two';
SELECT * FROM tamas_contacts WHERE events = 'bad';
UPDATE bad SET date_precision = NULL, published = 'yesterday';
SELECT * FROM tamas_contacts WHERE events = 'bad';
ALTER TABLE bad DROP COLUMN evidence;
SELECT * FROM tamas_contacts WHERE events = 'bad';
SELECT * FROM tamas_contacts WHERE events = 'ev' || char(0) || 'x';
-- Odd values are read as text, never a crash: numbers and blobs as sides,
-- a blob with a NUL byte (cut there), a sentence of a megabyte.
CREATE TABLE odd AS SELECT * FROM ev WHERE file = 'news/a01.txt';
INSERT INTO odd SELECT file, medium, status, 42, NULL, x'41004200', NULL, date, date_end,
  date_precision, published, printf('%.1000000c', 'ب'), NULL FROM ev WHERE file = 'news/a01.txt';
SELECT actor1, actor2, actor2_country, reports, length(evidence) AS chars, sources
FROM tamas_contacts WHERE events = 'odd';
