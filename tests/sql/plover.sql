-- tamas_plover(source): rows of contact events as PLOVER records.  The rows
-- here are written by hand (no extraction), one for each way a contact is
-- coded: a visit (the place is actor2's country), a visit hosted (actor1's),
-- a third location, a meeting of an organisation, a phone call, a meeting
-- with no place, a request, a refusal, a denial, an offer made by the other
-- side; and rows PLOVER cannot hold.
.load @TAMAS@
.headers on
.mode list
.nullvalue NULL

CREATE TABLE ev(file, medium, status, actor1, actor1_fa, actor1_country, actor1_office,
                actor2, actor2_fa, actor2_country, actor2_office, initiator, place,
                date, date_end, date_precision, evidence, evidence_start, evidence_end);
INSERT INTO ev VALUES
  ('a.txt', 'in_person', 'occurred', 'Abbas Araghchi', 'عراقچی', 'IRN', 'foreign_minister',
   'Sergey Lavrov', 'لاوروف', 'RUS', 'foreign_minister', NULL, 'RUS',
   '2025-04-18', '2025-04-18', 'day', 'عراقچی در سفر به مسکو با لاوروف دیدار کرد.', 1, 42),
  ('a.txt', 'in_person', 'occurred', 'Sergey Lavrov', 'لاوروف', 'RUS', 'foreign_minister',
   'Abbas Araghchi', 'عراقچی', 'IRN', 'foreign_minister', NULL, 'RUS',
   '2025-04-18', NULL, 'day', NULL, NULL, NULL),
  ('b.txt', 'in_person', 'occurred', 'Abbas Araghchi', 'عراقچی', 'IRN', 'foreign_minister',
   'Steve Witkoff', 'ویتکاف', 'USA', 'special_envoy', NULL, 'OMN',
   '2025-04-12', NULL, 'day', 'دور نخست گفت‌وگوها در مسقط برگزار شد.', 10, 45),
  ('c.txt', 'in_person', 'occurred', 'Masoud Pezeshkian', 'پزشکیان', 'IRN', 'head_of_state',
   'Xi Jinping', 'شی جین‌پینگ', 'CHN', 'head_of_state', NULL, 'SCO',
   '2025-09-01', NULL, 'day', NULL, NULL, NULL),
  ('d.txt', 'phone', 'occurred', 'Abbas Araghchi', 'وزیر امور خارجه ایران', 'IRN', 'foreign_minister',
   'Badr Albusaidi', 'همتای عمانی', 'OMN', 'foreign_minister', NULL, NULL,
   '2025-05-12', NULL, 'day', 'در تماسی تلفنی "گفت‌وگو" کرد	(متن)', 3, 30),
  ('e.txt', 'in_person', 'occurred', 'Rafael Grossi', 'گروسی', 'IAEA', 'director_general',
   'org:IRN', 'مقام‌های ایرانی', 'IRN', NULL, NULL, NULL,
   '2024-05-07', NULL, 'day', NULL, NULL, NULL),
  ('f.txt', 'in_person', 'requested', 'Volodymyr Zelenskyy', 'زلنسکی', 'UKR', 'head_of_state',
   'Donald Trump', 'ترامپ', 'USA', 'head_of_state', 'UKR', NULL,
   '2025-02-01', '2025-02-28', 'month', NULL, NULL, NULL),
  ('g.txt', 'phone', 'refused', 'Benjamin Netanyahu', 'نتانیاهو', 'ISR', 'head_of_government',
   'Recep Tayyip Erdoğan', 'اردوغان', 'TUR', 'head_of_state', NULL, NULL,
   '2024-08-01', NULL, 'day', NULL, NULL, NULL),
  ('h.txt', 'unspecified', 'denied', 'Vladimir Putin', 'پوتین', 'RUS', 'head_of_state',
   'Joe Biden', 'بایدن', 'USA', 'head_of_state', NULL, NULL,
   '2023-12-08', NULL, 'day', NULL, NULL, NULL),
  ('i.txt', 'in_person', 'proposed', 'Sergey Lavrov', 'لاوروف', 'RUS', 'foreign_minister',
   'Hakan Fidan', 'فیدان', 'TUR', 'foreign_minister', 'TUR', NULL,
   '2024-01-01', NULL, 'day', NULL, NULL, NULL),
  ('j.txt', 'in_person', 'occurred', 'Nobody Known', NULL, 'LKA', NULL,
   NULL, NULL, NULL, NULL, NULL, NULL,
   '2025-01-01', NULL, 'day', NULL, NULL, NULL),
  -- PLOVER cannot hold these: no date, no actor
  ('k.txt', 'phone', 'occurred', 'Donald Trump', 'ترامپ', 'USA', 'head_of_state',
   'Vladimir Putin', 'پوتین', 'RUS', 'head_of_state', NULL, NULL,
   NULL, NULL, NULL, NULL, NULL, NULL),
  ('l.txt', 'phone', 'occurred', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
   '2025-01-01', NULL, 'day', NULL, NULL, NULL);

-- the codes of each record
SELECT id, json_extract(record, '$.event[0]') AS event, json_extract(record, '$.mode[0]') AS mode,
       json_extract(record, '$.cameo') AS cameo, json_extract(record, '$.quad_code') AS quad,
       json_extract(record, '$.event_scale') AS scale,
       json_array_length(record, '$.actor') AS actors, json_extract(record, '$.actor[0].code') AS actor,
       json_extract(record, '$.recipient[0].code') AS recipient,
       json_extract(record, '$.event_loc.country_code') AS loc
FROM tamas_plover('ev');

-- every record is JSON with the fields the manual requires (id, date, actor,
-- event), a date YYYY-MM-DD, and entities with a code
SELECT count(*) AS records, sum(json_valid(record)) AS valid,
       sum(json_type(record, '$.id') = 'text' AND json_type(record, '$.date') = 'text'
           AND json_type(record, '$.actor') = 'array' AND json_array_length(record, '$.actor') > 0
           AND json_type(record, '$.event') = 'array') AS required,
       sum(json_extract(record, '$.date') GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]') AS dates,
       sum(NOT EXISTS (SELECT 1 FROM json_each(record, '$.actor') WHERE json_extract(value, '$.code') IS NULL)) AS coded
FROM tamas_plover('ev');

-- whole records: a visit, with its text offsets (0-based, end exclusive) and citation
.mode list
.headers off
SELECT record FROM tamas_plover('ev') LIMIT 1;
-- a phone call: both sides under actor, quotes and a tab escaped
SELECT record FROM tamas_plover('ev') WHERE json_extract(record, '$.medium') = 'phone'
  AND json_extract(record, '$.status') = 'occurred';
-- a request that lasts a month; an actor known only as its state
SELECT record FROM tamas_plover('ev') WHERE json_extract(record, '$.cameo') IN ('026', '043') ORDER BY 1;
.headers on

-- text[start:end] is the evidence
SELECT substr(ev.evidence, 1, json_extract(record, '$.text_info.end') - json_extract(record, '$.text_info.start')) = json_extract(record, '$.event_text[0]') AS same_text
FROM tamas_plover('ev') JOIN ev ON json_extract(record, '$.cite_info.citation') = ev.file
WHERE ev.evidence IS NOT NULL AND json_extract(record, '$.date') = ev.date LIMIT 1;

-- the same event gives the same id whatever the order of the rows; a row's
-- own id column is used as it is
CREATE TABLE ev2 AS SELECT * FROM ev ORDER BY file DESC;
SELECT (SELECT group_concat(id) FROM (SELECT id FROM tamas_plover('ev') ORDER BY id)) =
       (SELECT group_concat(id) FROM (SELECT id FROM tamas_plover('ev2') ORDER BY id)) AS same_ids;
CREATE TABLE mine(id, medium, status, actor1, actor2, date);
INSERT INTO mine VALUES ('my-1', 'video', 'occurred', 'Abbas Araghchi', 'Sergey Lavrov', '2025-03-01 10:00');
SELECT id, record FROM tamas_plover('mine');

-- a view, a temp table and another schema are sources too
CREATE TEMP VIEW ev_phone AS SELECT * FROM ev WHERE medium = 'phone';
SELECT count(*) AS from_view FROM tamas_plover('ev_phone');
ATTACH ':memory:' AS aux;
CREATE TABLE aux.old(medium, status, actor1, actor2, date);
INSERT INTO aux.old VALUES ('phone', 'occurred', 'Hassan Rouhani', 'Vladimir Putin', '2019-08-01');
SELECT json_extract(record, '$.actor[0].identifier_text') AS schema_qualified FROM tamas_plover('aux.old');

-- tamas_events' own rows, saved in a table
CREATE TABLE news AS SELECT * FROM tamas_events('sql/news/*.txt');
SELECT (SELECT count(*) FROM news WHERE date IS NOT NULL) AS dated_rows,
       (SELECT count(*) FROM tamas_plover('news')) AS records,
       (SELECT sum(json_valid(record)) FROM tamas_plover('news')) AS valid,
       (SELECT count(DISTINCT id) FROM tamas_plover('news')) AS distinct_ids;

-- errors
SELECT * FROM tamas_plover;
SELECT * FROM tamas_plover('nothing_here');
CREATE TABLE half(medium, status, actor1, actor2);
SELECT * FROM tamas_plover('half');
CREATE TABLE bad(medium, status, actor1, actor2, date);
INSERT INTO bad VALUES ('phone', 'occurred', 'A', 'B', '2024-01-01'), ('phone', 'happened', 'A', 'B', '2024-01-02');
SELECT count(*) FROM tamas_plover('bad');
UPDATE bad SET status = 'occurred', medium = 'pigeon' WHERE rowid = 2;
SELECT count(*) FROM tamas_plover('bad');
UPDATE bad SET medium = 'phone', date = 'soon' WHERE rowid = 2;
SELECT count(*) FROM tamas_plover('bad');
SELECT count(*) AS null_source FROM tamas_plover(NULL);
-- it reads other tables, so a view or trigger may not use it
CREATE VIEW v AS SELECT * FROM tamas_plover('ev');
SELECT count(*) FROM v;
