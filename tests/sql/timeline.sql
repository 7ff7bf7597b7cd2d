-- tamas_timeline_svg(date, actor1, actor2, status, medium): an SVG timeline.
-- Every SVG is also written to @TMP@/timeline-*.svg, and tests/run.sh checks
-- that each is well-formed XML (xmllint --noout).
.load @TAMAS@
.headers on
.mode list
.nullvalue NULL

-- A few contacts made up for the test: two on one day in one lane (written
-- in both orders of the pair), Persian names, an undated one, an unknown
-- status and medium, and XML's special characters.
CREATE TEMP TABLE c(date, actor1, actor2, status, medium);
INSERT INTO c VALUES
  ('2024-10-03', 'Lloyd Austin', 'Yoav Gallant', 'occurred', 'phone'),
  ('2024-10-03', 'Yoav Gallant', 'Lloyd Austin', 'planned', 'video'),
  ('2024-11-20 10:30', 'عباس عراقچی', 'سرگئی لاوروف', 'requested', 'in_person'),
  ('2024-12-01', 'A & <B>', '"C" ''D''', 'weird', 'carrier pigeon'),
  (NULL, 'Donald Trump', 'Vladimir Putin', 'denied', 'unspecified'),
  ('not a date', 'Donald Trump', 'Vladimir Putin', 'refused', 'letter'),
  (NULL, NULL, NULL, 'occurred', 'phone');          -- no actor: skipped
CREATE TEMP TABLE svg AS
SELECT tamas_timeline_svg(date, actor1, actor2, status, medium) AS s FROM c;
SELECT writefile('@TMP@/timeline-fixed.svg', s) > 0 AS written FROM svg;

-- The SVG line by line.
CREATE TEMP VIEW lines AS
WITH RECURSIVE l(n, line, rest) AS (
  SELECT 0, NULL, s FROM svg
  UNION ALL
  SELECT n + 1, substr(rest, 1, instr(rest, char(10)) - 1), substr(rest, instr(rest, char(10)) + 1)
  FROM l WHERE rest <> '')
SELECT n, line FROM l WHERE n > 0;

-- the document: declaration, root, title and summary
SELECT line AS head FROM lines WHERE n <= 5;
-- lanes in order of their first date, undated last; labels right-aligned,
-- the Persian one right to left; the pair's order does not matter
SELECT line AS lane FROM lines WHERE line LIKE '%class="lane"%';
SELECT line AS label FROM lines WHERE n > 1 AND (SELECT line FROM lines AS p WHERE p.n = lines.n - 1) LIKE '<g class="lane"%';
-- one mark per contact: shape by medium, fill by status, a tooltip with the
-- date in both calendars; unknown values are drawn as "other"
SELECT line AS mark FROM lines WHERE line LIKE '<g class="mark %';
-- the axes: Gregorian months above, Jalali months below, and the undated column
SELECT line AS axis FROM lines WHERE line LIKE '<text%' AND (line LIKE '%>2024-%' OR line LIKE '%۱۴۰۳<%' OR line LIKE '%undated<%' OR line LIKE '%>بی‌تاریخ<%');
-- the legend: every medium and status, in English and in Persian
SELECT count(*) AS legend_keys FROM lines WHERE line LIKE '%class="key %';
SELECT line AS legend_fa FROM lines WHERE line LIKE '%>حضوری<%' OR line LIKE '%>تکذیب‌شده<%';
-- Persian text is right to left, in Persian
SELECT count(*) AS rtl_texts,
       sum(line LIKE '%direction="rtl" unicode-bidi="embed" xml:lang="fa"%') AS marked
FROM lines WHERE line LIKE '<text%' AND line GLOB '*[ا-ی]*';

-- XML's special characters are escaped, in labels and tooltips
SELECT instr(s, '>&quot;C&quot; &apos;D&apos; – A &amp; &lt;B&gt;</text>') > 0 AS escaped,
       instr(s, '<B>') = 0 AS no_raw_tag, instr(s, '"C"') = 0 AS no_raw_quote
FROM svg;
-- invalid UTF-8 and control characters become U+FFFD
SELECT instr(s, 'x�y') > 0 AS replaced, instr(s, char(1)) = 0 AS no_control
FROM (SELECT tamas_timeline_svg('2024-01-01', 'x' || char(1) || 'y', CAST(x'c0af' AS TEXT), 'occurred', 'phone') AS s);

-- The result does not depend on the order of the rows.
SELECT (SELECT tamas_timeline_svg(date, actor1, actor2, status, medium)
        FROM (SELECT * FROM c ORDER BY actor2 DESC, date DESC)) = s AS same_in_any_order
FROM svg;

-- No rows: a small valid SVG that says so.  Rows whose actors are both NULL
-- count as none.
SELECT tamas_timeline_svg(date, actor1, actor2, status, medium) AS empty FROM c WHERE 0;
SELECT writefile('@TMP@/timeline-empty.svg', tamas_timeline_svg(NULL, NULL, NULL, 'occurred', 'phone')) > 0 AS written;
SELECT instr(tamas_timeline_svg(NULL, NULL, NULL, 'occurred', 'phone'), 'No contacts to draw.') > 0 AS empty_note;

-- Nothing dated: no axes, the marks in the undated column; a lane with more
-- marks than the column holds shows how many more.
SELECT writefile('@TMP@/timeline-undated.svg', s) > 0 AS written,
       instr(s, 'No contact has a date.') > 0 AS note,
       instr(s, '>+22</text>') > 0 AS more,
       instr(s, 'class="axes"') = 0 AS no_axes
FROM (SELECT tamas_timeline_svg(NULL, 'A', 'B', 'occurred', 'phone') AS s FROM generate_series(1, 30));

-- A span of days has day ticks; dates given as Julian day numbers work.
SELECT writefile('@TMP@/timeline-days.svg', s) > 0 AS written,
       instr(s, '>2024-10-14</text>') > 0 AS day_tick,
       instr(s, '>۲۳ مهر</text>') > 0 AS jalali_day_tick,
       instr(s, '<title>2024-10-20 (۲۹ مهر ۱۴۰۳)') > 0 AS julian_day
FROM (SELECT tamas_timeline_svg(column1, 'A', 'B', 'occurred', 'phone') AS s
      FROM (VALUES ('2024-10-03'), (julianday('2024-10-20'))));

-- Dates at the ends of the Gregorian calendar (outside the Jalali years).
SELECT writefile('@TMP@/timeline-wide.svg', s) > 0 AS written,
       (length(s) - length(replace(s, '<g class="mark ', ''))) / 15 AS marks
FROM (SELECT tamas_timeline_svg(column1, 'A', 'B', 'occurred', 'phone') AS s
      FROM (VALUES ('0001-01-01'), ('9999-12-31'), ('1900-01-01')));

-- Many rows: one mark each.
SELECT (length(s) - length(replace(s, '<g class="mark ', ''))) / 15 AS marks,
       (length(s) - length(replace(s, '<g class="lane">', ''))) / 16 AS lanes
FROM (SELECT tamas_timeline_svg(date('2020-01-01', '+' || value || ' days'), 'P' || (value % 40), 'Q',
                                'occurred', 'phone') AS s
      FROM generate_series(1, 3000));

-- An error in a later row stops the query (nothing leaks: see the ASan run).
SELECT tamas_timeline_svg('2024-01-01', 'A', 'B', 'occurred', CASE WHEN value = 3 THEN abs(-9223372036854775807 - 1) ELSE 'phone' END)
FROM generate_series(1, 5);
-- Wrong number of arguments.
SELECT tamas_timeline_svg('2024-01-01', 'A', 'B');

-- The example articles: one mark per event, one lane per pair.
SELECT writefile('@TMP@/timeline-news.svg', s) > 0 AS written,
       (length(s) - length(replace(s, '<g class="mark ', ''))) / 15 = n AS one_mark_per_event,
       (length(s) - length(replace(s, '<g class="lane">', ''))) / 16 = pairs AS one_lane_per_pair
FROM (SELECT tamas_timeline_svg(date, actor1, actor2, status, medium) AS s, count(*) AS n,
             count(DISTINCT min(actor1, actor2) || '|' || max(actor1, actor2)) AS pairs
      FROM tamas_events('sql/news/*.txt'));
