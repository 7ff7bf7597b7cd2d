-- extract_contacts and tamas_events on sentences written for the test.
.load @TAMAS@
.headers on
.mode list
.nullvalue NULL

-- a phone call that took place, with a weekday resolved against the publication date
SELECT status, medium, actor1, actor1_country, actor1_office, actor2, actor2_country, date, date_precision, cameo, plover
FROM extract_contacts('وزیر امور خارجه ایران روز دوشنبه در تماسی تلفنی با همتای عمانی خود درباره تحولات منطقه گفت‌وگو کرد.', '2025-05-14');

-- status from the verbs and cues around the contact
SELECT 'planned' AS want, status, date, date_end, date_precision FROM extract_contacts('سرگئی لاوروف قرار است هفته آینده در ژنو با آنتونی بلینکن دیدار کند.', '2022-01-12');
SELECT 'proposed' AS want, status, initiator FROM extract_contacts('آنتونی بلینکن پیشنهاد داده است که با سرگئی لاوروف در وین دیدار کند.', '2022-01-12');
SELECT 'requested' AS want, status, initiator FROM extract_contacts('ولودیمیر زلنسکی بار دیگر خواستار دیدار با ولادیمیر پوتین شد.', '2023-03-01');
-- the refusal, and the request it turned down: a stage of its own
SELECT 'refused, requested' AS want, status, actor1, actor2 FROM extract_contacts('رجب طیب اردوغان درخواست گفتگوی تلفنی بنیامین نتانیاهو را رد کرد.', '2024-06-01');
SELECT 'denied' AS want, status FROM extract_contacts('سخنگوی کرملین گفت ولادیمیر پوتین با جو بایدن تماس تلفنی نداشته و هیچ درخواستی دریافت نشده است.', '2023-02-01');
-- a negated contact is no event
SELECT 'negated' AS want, count(*) AS n FROM extract_contacts('لاوروف در این سفر با وزیر خارجه آمریکا دیدار نمی‌کند.', '2021-09-20');

-- initiator, offices resolved on the date, plural offices, counterparts, pronouns
SELECT 'initiator' AS want, actor1, actor2, initiator, date FROM extract_contacts('وزرای دفاع روسیه و آمریکا شب گذشته به درخواست طرف آمریکایی به صورت تلفنی با یکدیگر رایزنی کردند.', '2022-05-14');
SELECT 'office-2025' AS want, actor1, actor2 FROM extract_contacts('وزیر دفاع آمریکا با وزیر دفاع اسرائیل تلفنی گفتگو کرد.', '2025-06-01');
SELECT 'pentagon' AS want, actor1, actor2 FROM extract_contacts('رئیس پنتاگون با همتای اسرائیلی خود تلفنی گفتگو کرد.', '2022-06-01');
SELECT 'pronoun' AS want, actor1, actor2, medium FROM extract_contacts('عباس عراقچی وارد مسقط شد. وی در این سفر با بدر البوسعیدی دیدار کرد.', '2025-04-12');
SELECT 'lists' AS want, actor1, actor2, status FROM extract_contacts('سرگئی شویگو و والری گراسیموف تماس تلفنی با لوید آستین و مارک میلی را رد کرده بودند.', '2022-05-14') ORDER BY actor1;
-- lists pair by office, whatever their order
SELECT 'by-office' AS want, actor1, actor2 FROM extract_contacts('سرگئی شویگو و والری گراسیموف تماس تلفنی با مارک میلی و لوید آستین را رد کرده بودند.', '2022-05-14') ORDER BY actor1;
-- someone the lexicon does not know, introduced with an office and a country
SELECT 'unknown' AS want, actor1, actor2, actor2_country, actor2_office, actor2_known FROM extract_contacts('عباس عراقچی با پدرو آلوارینو وزیر امور خارجه بنین دیدار کرد.', '2025-02-01');
-- a sentence with no time of its own goes on from the one before (date_text is there);
-- a contact that only times another («پس از دیدار …») is not dated by it
SELECT 'carried' AS want, status, actor1, actor2, date, date_text, date_basis FROM extract_contacts('مسعود پزشکیان روز دوشنبه راهی پکن شد. وی در این سفر با شی جین‌پینگ دیدار کرد.', '2025-09-03');
SELECT 'carried-plan' AS want, status, actor2, date FROM extract_contacts('ولادیمیر پوتین روز سه‌شنبه به ترکیه سفر خواهد کرد. او در آنکارا با رجب طیب اردوغان دیدار می‌کند.', '2024-05-10');
SELECT 'own-time' AS want, actor2, date FROM extract_contacts('پوتین روز دوشنبه به پکن رفت. وی پیش‌تر در سال گذشته با شی جین‌پینگ دیدار کرده بود.', '2025-09-03');
SELECT 'timed-by' AS want, actor1, actor2, date FROM extract_contacts('نارندرا مودی روز جمعه به مسکو رسید. این سفر چند روز پس از دیدار پوتین با شی جین‌پینگ انجام شد.', '2025-09-03');
-- a carried date gives way to the contact's own: one row, dated by its own sentence
SELECT 'carried-merged' AS want, count(*) AS rows, max(date) AS date, max(mentions) AS mentions FROM extract_contacts('شی جین‌پینگ روز سه‌شنبه وارد مسکو شد. ولادیمیر پوتین با شی جین‌پینگ دیدار کرد. دیدار پوتین و شی جین‌پینگ روز چهارشنبه در کرملین انجام شد.', '2023-03-24');
-- «رهبر/رهبران X» is the office that leads X, one or several states, with or without a holder
SELECT 'leaders' AS want, actor1, actor1_office, actor2, actor2_office FROM extract_contacts('رهبران هند و آمریکا در دهلی نو دیدار کردند.', '2023-09-10');
SELECT 'leaders-undated' AS want, actor1, actor1_office, actor2, actor2_office FROM extract_contacts('رهبر آلمان با رهبر چین تلفنی گفت‌وگو کرد.');
-- no publication date: no date is guessed
SELECT 'no-date' AS want, date, published FROM extract_contacts('عراقچی روز شنبه با لاوروف تلفنی گفتگو کرد.');
-- repeated mentions of one contact are one row
SELECT 'merged' AS want, count(*) AS rows, max(mentions) AS mentions FROM extract_contacts('پوتین و شی جین‌پینگ تلفنی گفتگو کردند. در این گفتگوی تلفنی پوتین با شی جین‌پینگ درباره اوکراین رایزنی کرد.', '2024-05-01');
-- evidence offsets point into the text given
WITH t(x) AS (SELECT 'خبر کوتاه. پوتین با اردوغان در سوچی دیدار کرد.')
SELECT 'evidence' AS want, evidence_start, evidence_end, substr(x, evidence_start, evidence_end - evidence_start + 1) = evidence AS same
FROM t, extract_contacts(t.x, '2023-09-04');

-- a whole page: tickers and related lists around the body produce nothing
SELECT 'page' AS want, count(*) AS rows, min(published) AS published FROM extract_contacts(CAST(readfile('sql/news/02_ticker_isna_beirut.txt') AS TEXT));

-- tamas_events over a folder gives the same rows as extract_contacts over each file
SELECT 'same-rows' AS want,
  (SELECT count(*) FROM tamas_events('sql/news/*.txt')) AS folder,
  (SELECT count(*) FROM fsdir('sql/news') AS f, extract_contacts(CAST(readfile(f.name) AS TEXT)) AS e WHERE f.name LIKE '%.txt') AS files;
CREATE VIRTUAL TABLE news USING tamas_events(path='sql/news/*.txt');
SELECT 'create' AS want, count(*) = (SELECT count(*) FROM tamas_events('sql/news/*.txt')) AS same FROM news;

-- threads: worker threads read the files ahead (by default one per core); any
-- number gives the same rows in the same order, and 1 reads on the query's own
CREATE TEMP VIEW scan_1 AS SELECT group_concat(json_array(file, title, medium, status, actor1, actor2, initiator, date, date_text, evidence_start, published), char(10)) AS rows FROM tamas_events('sql/news', 1);
SELECT 'threads' AS want, length(rows) > 1000 AS long,
  rows = (SELECT group_concat(json_array(file, title, medium, status, actor1, actor2, initiator, date, date_text, evidence_start, published), char(10)) FROM tamas_events('sql/news', 2)) AS two,
  rows = (SELECT group_concat(json_array(file, title, medium, status, actor1, actor2, initiator, date, date_text, evidence_start, published), char(10)) FROM tamas_events('sql/news', 7)) AS seven,
  rows = (SELECT group_concat(json_array(file, title, medium, status, actor1, actor2, initiator, date, date_text, evidence_start, published), char(10)) FROM tamas_events('sql/news')) AS per_core,
  rows = (SELECT group_concat(json_array(file, title, medium, status, actor1, actor2, initiator, date, date_text, evidence_start, published), char(10)) FROM tamas_events('sql/news', NULL)) AS null_is_per_core
FROM scan_1;
SELECT 'threads-limit' AS want, count(*) AS rows FROM (SELECT * FROM tamas_events('sql/news', 4) LIMIT 3);
SELECT 'threads-where' AS want, count(*) AS rows FROM news WHERE threads = 3;
SELECT * FROM tamas_events('sql/news', -1);
SELECT * FROM tamas_events('sql/news', 'two');
SELECT * FROM tamas_events('sql/news', 1.5);

-- errors
SELECT * FROM extract_contacts('متن', 'not a date');
SELECT * FROM extract_contacts;
SELECT * FROM tamas_events('build/no/such/news');
SELECT 'null-text' AS want, count(*) AS n FROM extract_contacts(NULL);
-- tamas_events reads files: not from a view when the schema is untrusted
PRAGMA trusted_schema = OFF;
CREATE VIEW v AS SELECT count(*) AS n FROM tamas_events('sql/news');
SELECT n FROM v;
CREATE VIEW w AS SELECT count(*) AS n FROM extract_contacts('پوتین با اردوغان دیدار کرد.', '2023-09-04');
SELECT 'innocuous' AS want, n FROM w;
