-- Bad input: every function and table gets NULL, numbers and blobs where text
-- is expected, empty and invalid text, NUL bytes, huge numbers, very long
-- words and names, and bad files.  Each gives NULL, no rows, a row with the
-- reason, or an error that says what is wrong; never a crash, and a bad file
-- never stops a scan.  The big files are made here, in @TMP@/badinput/.
.load @TAMAS@
.headers on
.mode list
.nullvalue NULL

-- ---- scalar functions and extract_contacts over odd values -----------------
CREATE TEMP TABLE odd(label TEXT, v);
INSERT INTO odd VALUES
  ('null', NULL),
  ('int 0', 0),
  ('int 14010224', 14010224),
  ('int -1', -1),
  ('int max', 9223372036854775807),
  ('real jd', 2459714.5),
  ('real 1e308', 1e308),
  ('real -1e308', -1e308),
  ('blob empty', x''),
  ('blob binary', x'00ff10fe'),
  ('blob date', CAST('1401/02/24' AS BLOB)),
  ('blob iso', CAST('2022-05-14' AS BLOB)),
  ('text empty', ''),
  ('spaces only', '   ' || char(10) || char(9)),
  ('overlong /', CAST(x'c0af' AS TEXT)),
  ('overlong 3', CAST(x'e080af' AS TEXT)),
  ('overlong 4', CAST(x'f08080af' AS TEXT)),
  ('surrogate hi', CAST(x'eda080' AS TEXT)),
  ('surrogate lo', CAST(x'edbfbf' AS TEXT)),
  ('above U+10FFFF', CAST(x'f4908080' AS TEXT)),
  ('truncated', CAST(x'db' AS TEXT)),
  ('date, truncated end', '۲۴ اردیبهشت ۱۴۰۱' || CAST(x'db' AS TEXT)),
  ('date in bad bytes', CAST(x'ff' AS TEXT) || '۲۴ اردیبهشت ۱۴۰۱' || CAST(x'c0' AS TEXT)),
  ('lone continuations', CAST(x'8080bfbf' AS TEXT)),
  ('NUL before date', char(0) || '۲۴ اردیبهشت ۱۴۰۱'),
  ('NUL after date', '1401/02/24' || char(0) || 'x'),
  ('NUL inside date', '۲۴ اردیبهشت' || char(0) || ' ۱۴۰۱'),
  ('NULs only', CAST(zeroblob(16) AS TEXT)),
  ('iso, NUL after', '2022-05-14' || char(0)),
  ('huge year', '99999999999999999999/02/24'),
  ('huge month', '1401/99999999999999999999/24'),
  ('huge day', '99999999999999999999 اردیبهشت ۱۴۰۱'),
  ('huge year word', '۲۴ اردیبهشت ۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹۹'),
  ('year 0', '۲۴ اردیبهشت ۰'),
  ('iso year 99999', '99999-05-14'),
  ('iso bad time', '2022-05-14 99:99:99'),
  ('iso huge zone', '2022-05-14 10:00+99:99'),
  ('iso huge fraction', '2022-05-14 10:00:00.' || printf('%.5000c', '9')),
  ('jd huge', '1e400'),
  ('jd negative', '-2459714.5'),
  ('jd nan', 'NaN'),
  ('100k digits', printf('%.100000c', '۹')),
  ('100k digits, date', printf('%.100000c', '1') || '/02/24'),
  ('long month word', '۲۴ ' || printf('%.50000c', 'ا') || ' ۱۴۰۱'),
  ('month names x5000', replace(hex(zeroblob(5000)), '00', 'اردیبهشت ')),
  ('weekdays x5000', replace(hex(zeroblob(5000)), '00', 'سه‌شنبه ')),
  ('ordinals x2000', replace(hex(zeroblob(2000)), '00', 'بیست و ')),
  ('marks x10000', 'ا' || printf('%.10000c', char(0x0651))),
  ('latin marks x10000', 'e' || replace(hex(zeroblob(10000)), '00', char(0x0301))),
  ('zwnj x10000', 'می' || printf('%.10000c', char(0x200c)) || 'کند'),
  ('kashida x10000', 'ب' || printf('%.10000c', char(0x0640)) || 'ه'),
  ('CR x10000', printf('%.10000c', char(13))),
  ('bidi controls', char(0x202e, 0x2066, 0x200f) || '۲۴ اردیبهشت ۱۴۰۱' || char(0x202c)),
  ('presentation forms', char(0xfefb, 0xfb8e, 0xfdf2));

SELECT label, typeof(v) AS type,
       jalali_to_iso(v) AS jalali,
       fa_date_to_iso(v) AS any_date,
       iso_to_jalali(v) AS to_jalali,
       iso_to_jalali(v, 'full') AS to_jalali_full,
       length(fa_normalize(v)) AS norm_chars,
       hex(substr(fa_normalize(v), 1, 6)) AS norm_start,
       length(fa_normalize(v, 'key')) AS key_chars,
       length(fa_normalize(v, 'ascii,no-repair')) AS plain_chars,
       (SELECT count(*) FROM extract_contacts(v)) AS events,
       (SELECT count(*) FROM extract_contacts(v, '2025-05-14')) AS events_dated
FROM odd ORDER BY rowid;

-- ---- bad arguments: the mistake is in the query, so it is an error ---------
SELECT iso_to_jalali('2022-05-14', NULL) AS null_format;
SELECT iso_to_jalali('2022-05-14', 5) AS int_format;
SELECT iso_to_jalali('2022-05-14', CAST('%Y' AS BLOB)) AS blob_format;
SELECT iso_to_jalali('2022-05-14', '') AS empty_format;
SELECT iso_to_jalali('2022-05-14', '%Y' || char(0) || '%m') AS nul_format;
SELECT iso_to_jalali('2022-05-14', '%Q') AS unknown_directive;
SELECT iso_to_jalali('2022-05-14', '%') AS lone_percent;
SELECT iso_to_jalali('2022-05-14', printf('%.100000c', 'x')) AS long_format;
SELECT iso_to_jalali('2022-05-14', replace(hex(zeroblob(100)), '00', '%B')) AS long_result;
SELECT length(iso_to_jalali('2022-05-14', replace(hex(zeroblob(30)), '00', '%B'))) AS result_under_512_bytes;
SELECT fa_normalize('مي‌كند', NULL) AS null_options;
SELECT fa_normalize('مي‌كند', 1) AS int_options;
SELECT fa_normalize('١٤٠١', CAST('ascii' AS BLOB)) AS blob_options;
SELECT fa_normalize('١٤٠١', ' , ,') AS empty_options;
SELECT fa_normalize('١٤٠١', 'ascii' || char(0) || 'key') AS nul_options;
SELECT fa_normalize('١٤٠١', printf('%.100000c', 'ب')) AS long_unknown_option;
SELECT count(*) AS null_published FROM extract_contacts('وزیر خارجه ایران با همتای عمانی خود تلفنی گفت‌وگو کرد.', NULL);
SELECT * FROM extract_contacts('x', 20250514);
SELECT * FROM extract_contacts('x', x'00');
SELECT * FROM extract_contacts('x', '');
SELECT * FROM extract_contacts('x', '2025-05-14' || char(0));
SELECT count(*) AS rolls_over_as_date_does FROM extract_contacts('x', '2025-02-31');
SELECT * FROM extract_contacts('x', printf('%.100000c', 'ب'));
SELECT count(*) AS no_text FROM extract_contacts;
SELECT count(*) AS no_text FROM extract_contacts(NULL, '2025-05-14');
-- evidence_start/end count characters as substr() does, invalid bytes too:
-- a stray continuation byte, a lone lead byte, an overlong form, a surrogate,
-- a code point past U+10FFFF and a truncated sequence before each sentence
WITH bad(b) AS (VALUES (x'80'), (x'ff'), (x'c0af'), (x'eda080'), (x'f4908080'), (x'e280'),
                       (x'f09f98'), (x'c0')),
     t(b, x) AS (SELECT hex(b), CAST(CAST('سلام ' AS BLOB) || b ||
       CAST(' وزیر امور خارجه ایران روز دوشنبه با همتای عمانی خود تلفنی گفت‌وگو کرد. ' AS BLOB) || b ||
       CAST(' وزیر امور خارجه ایران روز سه‌شنبه با همتای قطری خود دیدار کرد.' AS BLOB) AS TEXT) FROM bad)
SELECT b, count(*) AS events,
       sum(substr(x, evidence_start, evidence_end - evidence_start + 1) = evidence) AS spans_right
FROM t, extract_contacts(t.x, '2024-01-01') GROUP BY b ORDER BY b;

-- ---- SQLITE_LIMIT_LENGTH: no result longer than it --------------------------
.limit length 60
SELECT fa_normalize('میکند') AS short_enough;
SELECT fa_normalize('میکند میکند میکند میکند میکند') AS grows_past_the_limit;
SELECT iso_to_jalali('2022-05-14', 'full') AS fits;
SELECT iso_to_jalali('2022-05-14', '%B %B %B %B') AS too_long;
.limit length 1000000000

-- ---- a text over TAMAS_MAX_FILE_BYTES (16 MiB): a clear error ---------------
SELECT count(*) FROM extract_contacts(replace(hex(zeroblob(300000)), '00', 'وزیر خارجه با همتای خود دیدار کرد.' || char(10)));
SELECT count(*) AS just_under_limit FROM extract_contacts(CAST(zeroblob(16 * 1024 * 1024) AS TEXT));

-- ---- tamas_actors: bad rows are refused with the reason ------------------------
INSERT INTO tamas_actors(name, country, office, aliases) VALUES (NULL, 'LKA', 'foreign_minister', 'هیچکس');
INSERT INTO tamas_actors(name, country, office, aliases) VALUES ('', 'LKA', 'foreign_minister', 'هیچکس');
INSERT INTO tamas_actors(name, country, office, aliases) VALUES ('Nobody', NULL, 'foreign_minister', 'هیچکس');
INSERT INTO tamas_actors(name, country, office, aliases) VALUES ('Nobody', 'LKA', 42, 'هیچکس');
INSERT INTO tamas_actors(name, country, office, aliases) VALUES ('Nobody', 'LKA', 'foreign_minister', '');
INSERT INTO tamas_actors(name, country, office, aliases) VALUES ('Nobody', 'LKA' || char(0) || 'X', 'foreign_minister', 'هیچکس');
INSERT INTO tamas_actors(name, country, office, aliases) VALUES ('Nobody' || char(0), 'LKA', 'foreign_minister', 'هیچکس');
INSERT INTO tamas_actors(name, country, office, aliases) VALUES ('Nobody', 'LKA', 'foreign_minister', 'هیچ' || char(0) || 'کس');
INSERT INTO tamas_actors(name, country, office, aliases) VALUES (printf('%.64c', 'ب'), 'LKA', 'foreign_minister', 'هیچکس');
INSERT INTO tamas_actors(name, country, office, start, aliases) VALUES ('Nobody', 'LKA', 'foreign_minister', '99999999999-01-01', 'هیچکس');
INSERT INTO tamas_actors(name, country, office, start, aliases) VALUES ('Nobody', 'LKA', 'foreign_minister', x'00', 'هیچکس');
INSERT INTO tamas_actors(name, country, office, start, end, aliases) VALUES ('Nobody', 'LKA', 'foreign_minister', '2024-01-01', 'never', 'هیچکس');
UPDATE tamas_actors SET name = 'x';
DELETE FROM tamas_actors WHERE rowid = 1;
-- odd but valid rows: numbers and blobs read as text, invalid UTF-8, huge aliases
INSERT INTO tamas_actors(name, country, office, start, aliases) VALUES (42, CAST('LKA' AS BLOB), 'foreign_minister', 2459714, 12345);
INSERT INTO tamas_actors(name, country, office, aliases) VALUES (printf('%.63c', 'ب') || 'x', 'LKA', 'defense_minister', 'نامی بلند');
INSERT INTO tamas_actors(name, country, office, aliases) VALUES ('Bad Bytes', 'LKA', 'head_of_state', CAST(x'c0afff' AS TEXT) || '|بایت');
INSERT INTO tamas_actors(name, country, office, aliases) VALUES ('Many Aliases', 'LKA', 'head_of_government', replace(hex(zeroblob(20000)), '00', 'الف|') || 'نام‌های بسیار');
SELECT length(name) AS name_chars, country, office, start, end, length(aliases) AS alias_chars, added
FROM tamas_actors WHERE added;
SELECT actor1, actor2, length(actor2) AS chars FROM extract_contacts(
  'عراقچی روز دوشنبه با نامی بلند تلفنی گفت‌وگو کرد. عراقچی با نام‌های بسیار دیدار کرد.', '2025-03-01');

-- ---- bad files in a directory: a row with the reason, the scan goes on ------
.shell rm -rf @TMP@/badinput
SELECT writefile('@TMP@/badinput', NULL, 16877) IS NULL AS made_dir;
SELECT writefile('@TMP@/badinput/dir', NULL, 16877) IS NULL AS made_dir;
SELECT writefile('@TMP@/badinput/dir/a_empty.txt', '') AS empty_file;
SELECT writefile('@TMP@/badinput/dir/b_random.bin', x'00' || randomblob(65535)) AS random_binary;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 65535)
SELECT writefile('@TMP@/badinput/dir/c_random_no_nul.bin', x'ff' || group_concat(substr(
  x'0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9fa0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedfe0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff',
  abs(random() % 255) + 1, 1), '')) AS random_no_nul FROM n;
SELECT writefile('@TMP@/badinput/dir/d_overlong.txt', 'متن ' || x'c0af' || ' متن') AS overlong;
SELECT writefile('@TMP@/badinput/dir/e_surrogate.txt', 'متن ' || x'eda080' || ' متن') AS surrogate;
SELECT writefile('@TMP@/badinput/dir/f_truncated.txt', 'متن' || x'db') AS truncated_end;
SELECT writefile('@TMP@/badinput/dir/g_nul_inside.txt', 'متن' || x'00' || 'متن') AS nul_inside;
SELECT writefile('@TMP@/badinput/dir/h_big30.txt',
  '۷ مرداد ۱۴۰۱، ۲۱:۴۸' || char(10) || 'تیتر خبر بزرگ' || char(10) ||
  replace(hex(zeroblob(232000)), '00', 'وزیر امور خارجه ایران روز دوشنبه با همتای عمانی خود تلفنی گفت‌وگو کرد.' || char(10))) AS article_30mb;
SELECT writefile('@TMP@/badinput/dir/i_line5m.txt',
  replace(hex(zeroblob(45000)), '00', 'وزیر امور خارجه ایران روز دوشنبه با همتای عمانی خود گفت‌وگو کرد ')) AS line_5mb;
SELECT writefile('@TMP@/badinput/dir/j_word5m.txt', printf('%.2600000c', 'ب')) AS word_5mb;
SELECT writefile('@TMP@/badinput/dir/k_unreadable.txt', '۷ مرداد ۱۴۰۱' || char(10) || 'تیتر' || char(10) || 'وزیر امور خارجه ایران با همتای عمانی خود تلفنی گفت‌وگو کرد.') > 0 AS unreadable;
.shell chmod 000 @TMP@/badinput/dir/k_unreadable.txt
SELECT writefile('@TMP@/badinput/dir/' || printf('%.125c', 'ن') || '.txt', 'نام بلند') > 0 AS name_254_bytes;
SELECT writefile('@TMP@/badinput/dir/loop', '.', 41471) IS NULL AS link_to_itself;
SELECT writefile('@TMP@/badinput/dir/up', '..', 41471) IS NULL AS link_to_parent;
SELECT writefile('@TMP@/badinput/dir/sub', NULL, 16877) IS NULL AS made_dir;
SELECT writefile('@TMP@/badinput/dir/sub/back', '../../dir', 41471) IS NULL AS link_loop_via_sub;
SELECT writefile('@TMP@/badinput/dir/sub/z_ok.txt', '۷ مرداد ۱۴۰۱، ۲۱:۴۸' || char(10) || 'تیتر آزمایشی' || char(10) || 'وزیر امور خارجه ایران روز دوشنبه با همتای عمانی خود تلفنی گفت‌وگو کرد.') > 0 AS ok_file;
.shell mkfifo @TMP@/badinput/dir/fifo
.shell mkdir -p @TMP@/badinput/dir/deep/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16/17/18/19/20/21/22/23/24/25/26/27/28/29/30/31/32/33/34/35/36/37/38/39/40/41/42/43/44/45/46/47/48/49/50/51/52/53/54/55/56/57/58/59/60/61/62/63/64/65/66/67/68/69/70
SELECT writefile('@TMP@/badinput/dir/deep/1/2/3/4/5/6/7/8/9/10/level11.txt', 'کم‌عمق') > 0 AS shallow_file;
SELECT writefile('@TMP@/badinput/dir/deep/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16/17/18/19/20/21/22/23/24/25/26/27/28/29/30/31/32/33/34/35/36/37/38/39/40/41/42/43/44/45/46/47/48/49/50/51/52/53/54/55/56/57/58/59/60/61/62/63/64/65/66/67/68/69/70/level71.txt', 'عمیق') > 0 AS too_deep_file;

-- One row per file in name order: links to directories and what lies deeper
-- than 64 levels are not entered; the FIFO is a row that says what it is
-- (opened without waiting for a writer: the scan does not hang).  The unreadable file
-- cannot be read, except by root (CI runs as root), so its row is checked
-- for either outcome.
SELECT CASE WHEN length(replace(file, '@TMP@/badinput/dir/', '')) > 40 THEN 'long name: ' || length(replace(file, '@TMP@/badinput/dir/', '')) || ' chars' ELSE replace(file, '@TMP@/badinput/dir/', '') END AS file,
       iif(secret, '-', title) AS title, iif(secret, '-', published) AS published,
       iif(secret, '-', chars) AS chars,
       iif(secret, (error = 'unreadable: Permission denied' OR error IS NULL) || ' (unreadable, or root)',
           error) AS error
FROM (SELECT *, file LIKE '%k_unreadable.txt' AS secret FROM tamas_articles('@TMP@/badinput/dir'));
-- tamas_events skips what it cannot read; the 30 MB file too
SELECT replace(file, '@TMP@/badinput/dir/', '') AS file, status, medium, actor1, actor2, date
FROM tamas_events('@TMP@/badinput/dir') WHERE file NOT LIKE '%k_unreadable.txt';
-- the 5 MB line and word: read, linear time, nothing in them is an event
SELECT replace(file, '@TMP@/badinput/dir/', '') AS file, length(body) AS body_chars, title IS NULL AS no_title
FROM tamas_articles('@TMP@/badinput/dir/[ij]_*.txt');
SELECT count(*) AS events_in_5mb_line FROM extract_contacts(CAST(readfile('@TMP@/badinput/dir/i_line5m.txt') AS TEXT), '2025-05-14');
.shell chmod 644 @TMP@/badinput/dir/k_unreadable.txt

-- SQLITE_LIMIT_LENGTH lowers the file limit too: a row with the reason
.limit length 100
SELECT replace(file, '@TMP@/badinput/dir/', '') AS file, error FROM tamas_articles('@TMP@/badinput/dir/sub/z_ok.txt');
SELECT count(*) AS skipped FROM tamas_events('@TMP@/badinput/dir/sub/z_ok.txt');
.limit length 1000000000

-- ---- paths that are not there: an error that names them ---------------------
SELECT * FROM tamas_articles('build/no-such-dir/missing.txt');
SELECT * FROM tamas_events('build/no-such-dir/missing/');
SELECT * FROM tamas_articles('build/no-such-dir/nothing-*.txt');
SELECT * FROM tamas_articles('build/no-such-dir/[');
SELECT * FROM tamas_articles('');
SELECT * FROM tamas_articles(42);
SELECT * FROM tamas_articles(x'00');
SELECT * FROM tamas_articles('build/no-such-dir' || char(0) || '/etc');
SELECT * FROM tamas_events('build/no-such-dir' || char(0) || '/etc');
SELECT * FROM tamas_articles('sql/news/' || printf('%.300c', 'ن') || '.txt');
SELECT * FROM tamas_events(printf('%.5000c', 'ب'));
SELECT replace(file, '@TMP@/badinput/dir/', '') AS file, error FROM tamas_articles('@TMP@/badinput/dir/fifo');
SELECT count(*) AS events_of_a_fifo FROM tamas_events('@TMP@/badinput/dir/fifo');
SELECT count(*) AS rows_for_dev_null FROM tamas_articles('/dev/null') WHERE error = 'not a regular file';
.shell rm -rf @TMP@/badinput
