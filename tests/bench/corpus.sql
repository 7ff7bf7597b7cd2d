-- corpus.sql — the benchmark corpus: @files articles under @dir, made from the
-- example articles of sql/news.  Run by tests/bench/files.sh through the
-- sqlite3 shell (for writefile()), with tamas loaded:
--
--   sqlite3 :memory: -cmd ".load build/tamas" -cmd ".parameter set @dir /tmp/x" \
--                    -cmd ".parameter set @files 10000" < tests/bench/corpus.sql
--
-- Each file is a news page: a news code, a title, a Jalali date line (Persian
-- or ASCII digits, the publication date moved by up to 500 days so that
-- relative dates resolve differently), the body of one example article, the
-- body of another, the end mark and a related-news list of three titles —
-- about 5 KB.  Files go to @dir/h1/q1 … @dir/h2/q4, so @dir/h1/q1 is a quarter
-- of the corpus and @dir/h1 a half.
CREATE TEMP TABLE example AS
  SELECT row_number() OVER (ORDER BY file) - 1 AS k, title, body,
         coalesce(substr(published, 1, 10), '2024-06-01') AS day
  FROM tamas_articles('sql/news') WHERE file LIKE '%.txt' AND body IS NOT NULL;

CREATE TEMP TABLE n AS
  WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < @files)
  SELECT i FROM n;

SELECT count(writefile(
  printf('%s/h%d/q%d/a%05d.txt', @dir, 1 + (i * 4 / @files) / 2, 1 + i * 4 / @files, i),
  printf('کد خبر: %d' || char(10) || '%s' || char(10) || '%s، %02d:%02d' || char(10, 10) ||
         '%s' || char(10, 10) || '%s' || char(10, 10) || 'انتهای پیام' || char(10, 10) ||
         'اخبار مرتبط' || char(10) || '%s' || char(10) || '%s' || char(10) || '%s' || char(10),
         4000000 + i, a.title,
         iso_to_jalali(date(a.day, printf('%+d days', i % 1001 - 500)),
                       CASE WHEN i % 2 THEN '%Oe %B %OY' ELSE '%Y/%m/%d' END),
         i % 24, i % 60, a.body, b.body, c.title, d.title, b.title)))
FROM n
JOIN example a ON a.k = i % 8
JOIN example b ON b.k = (i / 8 + 1 + i % 8) % 8
JOIN example c ON c.k = (i + 3) % 8
JOIN example d ON d.k = (i + 5) % 8;
