-- tamas_articles: the article reader over the bundled example pages, and bad files.
.load @TAMAS@
.headers on
.mode list
.nullvalue NULL

SELECT substr(file, 10) AS file, title, published, source, cites, news_code, chars, error
FROM tamas_articles('sql/news/*.txt');

-- where each body starts and ends: tickers, menus and lists are left out
SELECT substr(file, 10, 2) AS n, substr(body, 1, 30) AS body_start, substr(body, -30) AS body_end
FROM tamas_articles('sql/news/*.txt');

-- the same folder walked as a directory (README.md is a file too)
SELECT count(*) AS files, count(title) AS titled, sum(error IS NULL) AS readable
FROM tamas_articles('sql/news');

-- threads: the same rows in the same order whatever the number of threads
CREATE TEMP VIEW articles_1 AS SELECT group_concat(json_array(file, title, published, source, cites, news_code, body, chars, error), char(10)) AS rows FROM tamas_articles('sql/news', 1);
SELECT length(rows) > 10000 AS long,
  rows = (SELECT group_concat(json_array(file, title, published, source, cites, news_code, body, chars, error), char(10)) FROM tamas_articles('sql/news', 3)) AS three,
  rows = (SELECT group_concat(json_array(file, title, published, source, cites, news_code, body, chars, error), char(10)) FROM tamas_articles('sql/news', 0)) AS per_core
FROM articles_1;
SELECT * FROM tamas_articles('sql/news', -2);
SELECT * FROM tamas_articles('sql/news', 'all');

-- bad files: a row with the reason, and the scan goes on
.shell rm -rf build/test-articles
SELECT writefile('build/test-articles', NULL, 16877) IS NULL AS made_dir;
SELECT writefile('build/test-articles/a_empty.txt', '') AS empty_file;
SELECT writefile('build/test-articles/b_binary.txt', x'00010203ff') AS binary_file;
SELECT writefile('build/test-articles/c_latin1.txt', x'63616665e9') AS latin1_file;
SELECT writefile('build/test-articles/d_overlong.txt', x'c0af') AS overlong_file;
SELECT writefile('build/test-articles/e_ok.txt', '۷ مرداد ۱۴۰۱، ۲۱:۴۸' || char(10) || 'تیتر آزمایشی برای یک خبر کوتاه' || char(10) || 'متن خبر در یک جمله کامل نوشته شده است.') > 0 AS ok_file;
SELECT writefile('build/test-articles/loop', '.', 41471) IS NULL AS symlink_loop;
SELECT writefile('build/test-articles/dangling.txt', 'nowhere.txt', 41471) IS NULL AS dangling_link;
SELECT writefile('build/test-articles/.hidden.txt', 'پنهان') > 0 AS hidden_file;
SELECT substr(file, 21) AS file, title, published, chars, error FROM tamas_articles('build/test-articles');

-- errors name the problem
SELECT * FROM tamas_articles('build/no/such/dir');
SELECT * FROM tamas_articles('build/no-such-*.txt');
SELECT * FROM tamas_articles(NULL);
SELECT count(*) FROM tamas_articles;
-- file readers are DIRECTONLY: not from a view in an untrusted schema
PRAGMA trusted_schema = OFF;
CREATE VIEW v AS SELECT count(*) AS n FROM tamas_articles('sql/news');
SELECT n FROM v;
SELECT count(*) AS direct_use_still_works FROM tamas_articles('sql/news/*.txt');
DROP VIEW v;
