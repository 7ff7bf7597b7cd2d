-- Security flags, by behaviour.  The pure functions and extract_contacts are
-- INNOCUOUS: a view, trigger or index of an untrusted schema may use them.
-- tamas_articles and tamas_events read files, so they are DIRECTONLY: never
-- from a view or trigger, whatever PRAGMA trusted_schema says, so a database
-- from someone else cannot make them read this machine's files.  tamas_actors
-- reads no file, but an INSERT into it changes what later extractions on the
-- connection find, so it is DIRECTONLY too; so is tamas_contacts, which
-- reads files or a table that may.
.load @TAMAS@
.headers on
.mode list
PRAGMA trusted_schema = OFF;
CREATE TABLE doc(text TEXT, published TEXT);
INSERT INTO doc VALUES ('وزیر امور خارجه ایران روز دوشنبه در تماسی تلفنی با همتای عمانی خود گفت‌وگو کرد.', '2025-05-14');
CREATE VIEW pure AS
  SELECT jalali_to_iso('۲۴ اردیبهشت ۱۴۰۱') AS j, fa_date_to_iso('۱۸ فوریه ۲۰۲۲') AS g,
         iso_to_jalali('2022-05-14', 'long') AS l, fa_normalize('مي‌كند') AS n, tamas_version() AS v;
SELECT * FROM pure;
CREATE VIEW contacts AS SELECT e.status, e.actor2 FROM doc, extract_contacts(doc.text, doc.published) AS e;
SELECT * FROM contacts;
CREATE INDEX doc_date ON doc(jalali_to_iso(text));
CREATE TABLE gen(j TEXT, g TEXT AS (fa_date_to_iso(j)) STORED, CHECK (fa_normalize(j) IS NOT NULL));
INSERT INTO gen(j) VALUES ('۱ رمضان ۱۴۴۳');
SELECT g FROM gen;
-- the file readers: not from views or triggers
CREATE VIEW files AS SELECT count(*) AS n FROM tamas_articles('sql/news');
SELECT n FROM files;
CREATE VIEW events AS SELECT count(*) AS n FROM tamas_events('sql/news');
SELECT n FROM events;
CREATE TABLE log(n INTEGER);
CREATE TRIGGER steal AFTER INSERT ON doc BEGIN
  INSERT INTO log SELECT count(*) FROM tamas_articles('sql/news');
END;
INSERT INTO doc VALUES ('x', NULL);
CREATE TRIGGER steal2 AFTER INSERT ON log BEGIN
  INSERT INTO doc SELECT file, NULL FROM tamas_events('sql/news');
END;
DROP TRIGGER steal;
INSERT INTO log VALUES (1);
-- not even with trusted_schema = ON
PRAGMA trusted_schema = ON;
SELECT n FROM files;
SELECT n FROM events;
INSERT INTO log VALUES (2);
-- used directly, they work
SELECT count(*) AS articles FROM tamas_articles('sql/news/*.txt');
SELECT count(*) > 0 AS events FROM tamas_events('sql/news/*.txt');
SELECT count(*) AS log_rows FROM log;
-- tamas_actors: a trigger of a database from someone else cannot add actors
CREATE TRIGGER poison AFTER INSERT ON log BEGIN
  INSERT INTO tamas_actors(name, country, office, aliases)
    VALUES ('Someone Else', 'OMN', 'foreign_minister', 'همتای عمانی خود');
END;
INSERT INTO log VALUES (3);
DROP TRIGGER poison;
CREATE VIEW lexicon AS SELECT count(*) AS n FROM tamas_actors;
SELECT n FROM lexicon;
SELECT count(*) AS added_rows FROM tamas_actors WHERE added;
-- used directly, it works
INSERT INTO tamas_actors(name, country, office, aliases)
  VALUES ('Test Person', 'OMN', 'foreign_minister', 'آزمون آزمایشی');
SELECT count(*) AS added_rows FROM tamas_actors WHERE added;
-- tamas_contacts reads files, or a table that may (a virtual table made
-- with tamas_events(path=…)): not from views or triggers either
CREATE VIRTUAL TABLE planted USING tamas_events(path='sql/news');
CREATE VIEW grouped AS SELECT count(*) AS n FROM tamas_contacts('sql/news');
SELECT n FROM grouped;
CREATE VIEW grouped_table AS SELECT count(*) AS n FROM tamas_contacts WHERE events = 'planted';
SELECT n FROM grouped_table;
CREATE TRIGGER steal3 AFTER INSERT ON log BEGIN
  INSERT INTO doc SELECT evidence, NULL FROM tamas_contacts WHERE events = 'planted';
END;
INSERT INTO log VALUES (4);
SELECT count(*) AS log_rows FROM log;
-- used directly, it works
SELECT count(*) > 0 AS contacts FROM tamas_contacts WHERE events = 'planted';
