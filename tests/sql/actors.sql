-- tamas_actors: the lexicon as a table; INSERT adds a person at once.
.load @TAMAS@
.headers on
.mode list
.nullvalue NULL
SELECT count(*) > 500 AS many_rows, sum(added) AS added, count(DISTINCT country) > 25 AS countries FROM tamas_actors;
SELECT name, country, office, start FROM tamas_actors WHERE name = 'Sergey Lavrov';
-- a Wikidata item where a source confirmed it (sql/lexicon/wikidata_sources.md), NULL elsewhere
SELECT DISTINCT name, wikidata FROM tamas_actors WHERE name IN ('Sergey Lavrov', 'Abbas Araghchi') ORDER BY name;
SELECT name, office, start, end FROM tamas_actors WHERE country = 'USA' AND office = 'defense_minister' AND start >= '2021' ORDER BY start;
-- before the INSERT the name is unknown; after it, known
SELECT 'before' AS at, actor2, actor2_known FROM extract_contacts('سید عباس عراقچی با نامدار آزمونی دیدار کرد.', '2025-02-01');
INSERT INTO tamas_actors(name, country, office, start, aliases)
  VALUES ('Namdar Azmouni', 'LKA', 'foreign_minister', '2024-09-24', 'نامدار آزمونی|آزمونی');
SELECT name, country, office, start, end, aliases, added FROM tamas_actors WHERE added;
SELECT 'after' AS at, actor2, actor2_country, actor2_known FROM extract_contacts('سید عباس عراقچی با نامدار آزمونی دیدار کرد.', '2025-02-01');
-- the office now has a holder too
SELECT 'office' AS at, actor2 FROM extract_contacts('عراقچی با وزیر امور خارجه سریلانکا تلفنی گفتگو کرد.', '2025-03-01');
-- bad rows are refused with the reason
INSERT INTO tamas_actors(name, country, office, aliases) VALUES ('Nobody', 'ZZZ', 'foreign_minister', 'هیچکس');
INSERT INTO tamas_actors(name, country, office, aliases) VALUES ('Nobody', 'LKA', 'juggler', 'هیچکس');
INSERT INTO tamas_actors(name, country, office) VALUES ('Nobody', 'LKA', 'foreign_minister');
INSERT INTO tamas_actors(name, country, office, start, aliases) VALUES ('Nobody', 'LKA', 'foreign_minister', 'soon', 'هیچکس');
-- a Wikidata item, where one is given, and bad ones
INSERT INTO tamas_actors(name, country, office, aliases, wikidata) VALUES ('Nobody', 'LKA', 'foreign_minister', 'هیچکس', 'P31');
INSERT INTO tamas_actors(name, country, office, aliases, wikidata) VALUES ('Nobody', 'LKA', 'foreign_minister', 'هیچکس', 'Q012');
INSERT INTO tamas_actors(name, country, office, start, aliases, wikidata)
  VALUES ('Nilufar Azadi', 'LKA', 'defense_minister', '2024-09-24', 'نیلوفر آزادی', 'Q99999999');
INSERT INTO tamas_actors(name, country, office, start, aliases, wikidata)
  VALUES ('Nilufar Azadi', 'LKA', 'minister', '2023-01-01', 'نیلوفر آزادی', 'Q1');
SELECT name, office, wikidata FROM tamas_actors WHERE added ORDER BY name, office;
UPDATE tamas_actors SET office = 'minister' WHERE name = 'Namdar Azmouni';
DELETE FROM tamas_actors;
SELECT count(*) AS added_rows FROM tamas_actors WHERE added;
