-- sql/examples.sql — recipes: questions an analyst asks of a folder of
-- Persian news, each a query over tamas_events to copy and adapt.
--
-- Run them all on the example articles (sql/news/, see its README.md):
--
--   sqlite3 -cmd '.load build/tamas' :memory: < sql/examples.sql
--
-- or paste one into the sqlite3 shell after `.load build/tamas` (`.load tamas`
-- after `make install`).  Replace 'sql/news/*.txt' by your own folder
-- ('news/') or glob.  Each query reads the articles again, which is quick for
-- a few thousand; for more, read them once and query the table instead:
--
--   CREATE TABLE events AS SELECT * FROM tamas_events('news/');
--
-- Actors are English Wikipedia titles, or 'org:XXX' when the text names only
-- a state or an institution; countries are ISO 3166-1 alpha-3 codes.
--
-- tamas_events gives one row per contact per article; recipes 8 to 11 count
-- each real-world contact once, with tamas_contacts.

.headers on
.mode box --wordwrap on

-- 1. All contacts between two countries, by month.
--    Iran (IRN) and Turkey (TUR), whichever side comes first.  Contacts whose
--    date the text does not fix come last, as "undated".
SELECT coalesce(substr(date, 1, 7), 'undated') AS month,
       count(*) AS contacts,
       sum(status = 'occurred') AS occurred,
       group_concat(coalesce(date, '?') || ' ' || medium || ' ' || status || ': '
                    || actor1 || ' – ' || actor2, '; ') AS what
FROM (SELECT * FROM tamas_events('sql/news/*.txt')
      WHERE (actor1_country = 'IRN' AND actor2_country = 'TUR')
         OR (actor1_country = 'TUR' AND actor2_country = 'IRN')
      ORDER BY date, actor1, actor2)
GROUP BY month
ORDER BY month = 'undated', month;

-- 1b. The same by Jalali month (Persian sources count in Jalali months):
--     iso_to_jalali(date, '%Y-%m') sorts, '%B %Y' reads «آبان 1403».
SELECT iso_to_jalali(date, '%Y-%m') AS jalali_month,
       iso_to_jalali(min(date), '%B %Y') AS name,
       count(*) AS contacts
FROM tamas_events('sql/news/*.txt')
WHERE date IS NOT NULL
  AND ((actor1_country = 'IRN' AND actor2_country = 'TUR')
    OR (actor1_country = 'TUR' AND actor2_country = 'IRN'))
GROUP BY jalali_month
ORDER BY jalali_month;

-- 2. The first contact after a given date.
--    Iran's first contact that took place after Friday 2024-10-04, with the
--    date in the Jalali calendar and the sentence that reports it.
SELECT date, iso_to_jalali(date, 'full') AS jalali, medium, actor1, actor2,
       substr(file, 10) AS article, evidence
FROM tamas_events('sql/news/*.txt')
WHERE status = 'occurred'
  AND date > '2024-10-04'
  AND 'IRN' IN (actor1_country, actor2_country)
ORDER BY date, actor1, actor2
LIMIT 1;

-- 3. Who talks to whom most: pairs of people by number of contacts.
--    min()/max() put each pair in one order, so A–B and B–A count together;
--    'org:' sides (a state, not a person) are left out.
SELECT min(actor1, actor2) AS actor_a, max(actor1, actor2) AS actor_b,
       count(*) AS contacts,
       sum(status = 'occurred') AS occurred,
       min(date) AS first, max(date) AS last
FROM tamas_events('sql/news/*.txt')
WHERE actor1 NOT LIKE 'org:%' AND actor2 NOT LIKE 'org:%'
GROUP BY actor_a, actor_b
ORDER BY contacts DESC, occurred DESC, actor_a, actor_b
LIMIT 10;

-- 3b. The same for countries.
SELECT min(actor1_country, actor2_country) AS country_a,
       max(actor1_country, actor2_country) AS country_b,
       count(*) AS contacts,
       sum(status = 'occurred') AS occurred,
       group_concat(DISTINCT medium) AS media
FROM tamas_events('sql/news/*.txt')
GROUP BY country_a, country_b
ORDER BY contacts DESC, occurred DESC, country_a, country_b
LIMIT 10;

-- 4. Planned contacts (also proposed and requested ones) and whether a
--    matching contact followed: the same two actors, reported as occurred, on
--    or after the planned date (or the publication date when the plan has no
--    date), with the same medium unless either medium is unspecified.  With
--    neither date the question cannot be answered ('unknown').
WITH ev AS MATERIALIZED (
  SELECT *, row_number() OVER () AS id,
         min(actor1, actor2) AS a, max(actor1, actor2) AS b,
         coalesce(date, substr(published, 1, 10)) AS since
  FROM tamas_events('sql/news/*.txt')
)
SELECT p.status, coalesce(p.date, 'undated') AS planned_for, p.medium,
       p.actor1, p.actor2,
       CASE WHEN p.since IS NULL THEN 'unknown'
            WHEN f.date IS NULL THEN 'no'
            ELSE 'yes' END AS followed,
       f.date AS occurred_on, f.medium AS occurred_as
FROM ev AS p
LEFT JOIN ev AS f
  ON f.id = (SELECT o.id FROM ev AS o
                WHERE o.status = 'occurred' AND o.a = p.a AND o.b = p.b
                  AND o.date >= p.since
                  AND (o.medium = p.medium OR 'unspecified' IN (o.medium, p.medium))
                ORDER BY o.date LIMIT 1)
WHERE p.status IN ('planned', 'proposed', 'requested')
ORDER BY p.date IS NULL, p.date, p.actor1, p.actor2;

-- 5. Contacts by medium over time: contacts that took place, per month, one
--    column per medium.
SELECT substr(date, 1, 7) AS month,
       sum(medium = 'phone') AS phone,
       sum(medium = 'in_person') AS in_person,
       sum(medium = 'video') AS video,
       sum(medium = 'letter') AS letter,
       sum(medium = 'unspecified') AS unspecified,
       count(*) AS total
FROM tamas_events('sql/news/*.txt')
WHERE status = 'occurred' AND date IS NOT NULL
GROUP BY month
ORDER BY month;

-- 6. Export every contact to CSV (for a spreadsheet) and to JSON (for a
--    script).  .once sends the next query's output to a file (`.once -x`
--    opens it in the spreadsheet program instead); .output FILE sends all
--    that follows, until `.output` alone.  Without the shell's prompt:
--
--      sqlite3 -cmd '.load build/tamas' -csv -header :memory: \
--        "SELECT * FROM tamas_events('news/')" > contacts.csv
.headers on
.mode csv
.once contacts.csv
SELECT file, date, date_precision, medium, status, actor1, actor1_country,
       actor2, actor2_country, initiator, cameo, evidence
FROM tamas_events('sql/news/*.txt')
ORDER BY file, date, actor1, actor2;
.mode json
.once contacts.json
SELECT file, date, date_precision, medium, status, actor1, actor1_country,
       actor2, actor2_country, initiator, cameo, evidence
FROM tamas_events('sql/news/*.txt')
ORDER BY file, date, actor1, actor2;
.mode box --wordwrap on

-- 7. Draw the contacts: an SVG timeline, one lane per pair of actors (open
--    timeline.svg in a browser).  writefile() returns the bytes written.
--    Pass actor1_fa, actor2_fa for the names as the articles write them.
SELECT writefile('timeline.svg',
                 tamas_timeline_svg(date, actor1, actor2, status, medium)) > 0 AS written
FROM tamas_events('sql/news/*.txt');

-- 8. Contacts per pair per year, each counted once however many articles
--    report it (tamas_contacts groups the reports: `reports` rows in
--    `articles` files).  Only contacts that took place and have a date.
.mode box --wordwrap on
SELECT substr(date, 1, 4) AS year, actor1, actor2,
       count(*) AS contacts, sum(reports) AS reports, group_concat(date, ' ') AS dates
FROM tamas_contacts('sql/news/*.txt')
WHERE status = 'occurred' AND date IS NOT NULL
GROUP BY year, actor1, actor2
ORDER BY year, contacts DESC, actor1, actor2;

-- For a large corpus, read the articles once into tables, then group the
-- events as often as you like (after editing rows if you wish).  The
-- articles' outlets make the `sources` column; without a source column it
-- is NULL.
CREATE TEMP TABLE articles AS
  SELECT file, published, source FROM tamas_articles('sql/news/*.txt');
CREATE TEMP TABLE ev AS
  SELECT e.*, a.source FROM tamas_events('sql/news/*.txt') AS e LEFT JOIN articles AS a USING (file);

-- 9. Which outlets reported a contact first: the articles of each contact
--    (json_each lists its files) published when it was first reported.
WITH c AS MATERIALIZED (SELECT * FROM tamas_contacts WHERE events = 'ev')
SELECT c.first_reported, c.actor1, c.actor2, c.medium, c.status,
       group_concat(DISTINCT coalesce(a.source, '?')) AS first_outlets
FROM c, json_each(c.files) AS f JOIN articles AS a ON a.file = f.value
WHERE a.published = c.first_reported
GROUP BY c.contact_id
ORDER BY c.first_reported, c.actor1, c.actor2;

-- 10. Contacts only one outlet reported (or none the reader could name): the
--     ones to check by hand, with the sentence of the earliest report and
--     its file.
SELECT coalesce(date, 'undated') AS date, actor1, actor2, medium, status, sources,
       substr(evidence_file, 10) AS article, evidence
FROM tamas_contacts WHERE events = 'ev' AND sources <= 1
ORDER BY date IS NULL, date, actor1, actor2
LIMIT 5;

-- 11. Planned, proposed and requested contacts that never happened: no
--     occurred contact of the same sides and medium within their dates
--     fulfils them (fulfilled_by is NULL; an undated plan looks 30 days
--     past its first report).  Without a date or a publication date it
--     cannot be told.
SELECT status, coalesce(date, 'undated') AS planned_for, date_end, actor1, actor2, medium,
       first_reported,
       CASE WHEN date IS NULL AND first_reported IS NULL THEN 'cannot tell'
            ELSE 'not reported' END AS happened
FROM tamas_contacts WHERE events = 'ev'
  AND status IN ('planned', 'proposed', 'requested') AND fulfilled_by IS NULL
ORDER BY date IS NULL, date, first_reported, actor1, actor2;
