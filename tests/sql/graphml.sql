-- tamas_graphml(date, actor1, actor2, status, medium [, actor1_country,
-- actor1_office, actor2_country, actor2_office]): the contact network as
-- GraphML.  Every document is also written to @TMP@/graphml-*.graphml, and
-- tests/run.sh checks that each is well-formed XML (xmllint --noout) and reads
-- them back (tests/graphml.sh: Python's xml.etree, and igraph from R).
.load @TAMAS@
.headers on
.mode list
.nullvalue NULL

-- Contacts made up for the test: one pair in both orders and three statuses,
-- an office that changed (the latest dated row's counts), an undated row, a
-- self-contact, XML's special characters and a control character in names,
-- Persian names, and rows with a missing actor (left out).
CREATE TEMP TABLE c(date, actor1, actor2, status, medium, c1, o1, c2, o2);
INSERT INTO c VALUES
  ('2024-10-03', 'Lloyd Austin', 'Yoav Gallant', 'occurred', 'phone', 'USA', 'defense_minister', 'ISR', 'defense_minister'),
  ('2024-10-09', 'Yoav Gallant', 'Lloyd Austin', 'occurred', 'phone', 'ISR', 'defense_minister', 'USA', 'defense_minister'),
  ('2024-10-10', 'Lloyd Austin', 'Yoav Gallant', 'planned', 'in_person', 'USA', 'defense_minister', 'ISR', 'defense_minister'),
  ('2024-11-06', 'Israel Katz', 'Lloyd Austin', 'occurred', 'phone', 'ISR', 'defense_minister', 'USA', 'defense_minister'),
  ('2024-01-02', 'Israel Katz', 'Hakan Fidan', 'refused', 'in_person', 'ISR', 'foreign_minister', 'TUR', 'foreign_minister'),
  (NULL, 'Hakan Fidan', 'Sergey Lavrov', 'proposed', 'video', 'TUR', 'foreign_minister', 'RUS', 'foreign_minister'),
  ('2024-05-05', 'A & <B> "C"' || char(1), 'A & <B> "C"' || char(1), 'occurred', 'letter', NULL, NULL, NULL, NULL),
  ('2024-05-06', 'عباس عراقچی', 'سرگئی لاوروف', 'denied', 'unspecified', 'IRN', NULL, 'RUS', NULL),
  ('2024-05-07', 'Donald Trump', NULL, 'occurred', 'phone', 'USA', 'head_of_state', NULL, NULL),
  (NULL, NULL, NULL, 'occurred', 'phone', NULL, NULL, NULL, NULL);

CREATE TEMP TABLE doc AS
SELECT tamas_graphml(date, actor1, actor2, status, medium, c1, o1, c2, o2) AS g FROM c;
SELECT writefile('@TMP@/graphml-fixed.graphml', g) > 0 AS written FROM doc;
.headers off
SELECT g FROM doc;
.headers on

-- the same set of rows in another order gives the same document
SELECT (SELECT tamas_graphml(date, actor1, actor2, status, medium, c1, o1, c2, o2)
        FROM (SELECT * FROM c ORDER BY actor2 DESC, date)) = g AS same_in_any_order FROM doc;

-- five arguments: no country, no office
SELECT instr(tamas_graphml(date, actor1, actor2, status, medium), 'key="country">') = 0 AS no_country,
       (length(tamas_graphml(date, actor1, actor2, status, medium))
        - length(replace(tamas_graphml(date, actor1, actor2, status, medium), '<edge ', ''))) / 6 AS edges
FROM c;

-- no rows, and only rows with a missing actor: a graph without nodes
SELECT tamas_graphml(date, actor1, actor2, status, medium) LIKE '%<graph id="contacts" edgedefault="undirected">
  </graph>%' AS empty FROM c WHERE 0;
SELECT writefile('@TMP@/graphml-empty.graphml', tamas_graphml(date, actor1, actor2, status, medium)) > 0 AS written
FROM c WHERE actor2 IS NULL;

-- the example articles
SELECT writefile('@TMP@/graphml-news.graphml',
                 tamas_graphml(date, actor1, actor2, status, medium,
                               actor1_country, actor1_office, actor2_country, actor2_office)) > 0 AS written
FROM tamas_events('sql/news/*.txt');
