-- Every recipe of sql/examples.sql, on the example articles in sql/news/.
-- They run in tests/run.sh's scratch directory (@TMP@, where sql/ is linked),
-- so that the files the recipes write (contacts.csv, contacts.json,
-- timeline.svg) land there; tests/run.sh checks timeline.svg with xmllint.
.load @TAMAS@
.cd @TMP@
.read sql/examples.sql
-- what the export recipes wrote
.mode list
.headers off
SELECT '-- contacts.csv';
SELECT CAST(readfile('contacts.csv') AS TEXT);
SELECT '-- contacts.json';
SELECT CAST(readfile('contacts.json') AS TEXT);
SELECT '-- timeline.svg';
SELECT substr(CAST(readfile('timeline.svg') AS TEXT), 1, 38);
