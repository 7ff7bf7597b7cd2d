-- fa_normalize: the Persian text normaliser (include/tamas.h lists the rules).
.load @TAMAS@
.headers off
.mode list
.nullvalue NULL

-- registered twice (1 and 2 arguments), deterministic and innocuous
SELECT name, narg, (flags & 0x800) != 0 AS deterministic, (flags & 0x200000) != 0 AS innocuous
  FROM pragma_function_list WHERE name = 'fa_normalize' ORDER BY narg;

-- letters, marks, digits
SELECT 'letters', fa_normalize('كتاب علي'), fa_normalize('ﻻ'), fa_normalize('نامهٔ رسمی'), fa_normalize('خانۀ ملت');
SELECT 'marks', fa_normalize('مُحَمَّد'), fa_normalize('ســـلام'), fa_normalize('كِتابٌ');
SELECT 'digits', fa_normalize('سال ١٤٠١ و 2022 و ۱۴۰۱'), fa_normalize('سال ١٤٠١ و 2022 و ۱۴۰۱', 'ascii');
-- spaces and lines: runs of spaces become one, line breaks stay, \r\n becomes \n
SELECT 'spaces', '[' || fa_normalize('  دیدار   رسمی' || char(9) || 'دو کشور ') || ']', fa_normalize('الف' || char(160) || 'ب' || char(8201) || 'پ');
SELECT 'lines', replace(fa_normalize('خط یک  ' || char(13, 10) || '  خط دو' || char(10, 10) || 'خط سه'), char(10), '|');
-- stray ZWNJ
SELECT 'zwnj', fa_normalize('‌سلام‌ ‌دنیا‌'), fa_normalize('کتاب‌‌ها'), fa_normalize('کشور‌ها');

-- ZWNJ repair: می / نمی before a known verb stem
SELECT 'verbs', fa_normalize('میکند'), fa_normalize('نمیخواهد'), fa_normalize('میشود'), fa_normalize('میآید'), fa_normalize('میکردند'), fa_normalize('میتوان');
SELECT 'spaced', fa_normalize('او می کند'), fa_normalize('آنها نمی دانند'), fa_normalize('برمیگردد');
SELECT 'perfect', fa_normalize('بودهاند'), fa_normalize('نکردهاند'), fa_normalize('میگفتهاند');
-- ... but not nouns that begin with the same letters, nor the month of May
SELECT 'nouns', fa_normalize('میز میلیون میدان میهمان میراث میانه'), fa_normalize('مارک میلی'), fa_normalize('۱۵ می کرد'), fa_normalize('ماه می سال');
-- plural and other suffixes
SELECT 'plural', fa_normalize('مقامهای'), fa_normalize('تنشهای'), fa_normalize('ماههای'), fa_normalize('هفتهها'), fa_normalize('کشورها'), fa_normalize('تنها');
SELECT 'suffix', fa_normalize('بیانیهای'), fa_normalize('نامهای'), fa_normalize('تنش ها'), fa_normalize('کشور ها'), fa_normalize('منطقه ای'), fa_normalize('خانه ی ما');
SELECT 'compounds', fa_normalize('بینالمللی'), fa_normalize('گفتوگو'), fa_normalize('گفتگو'), fa_normalize('رئیسجمهور'), fa_normalize('سهشنبه'), fa_normalize('نخستوزیر');
SELECT 'sentence', fa_normalize('رئيس جمهور روز سهشنبه با مقامهای ارشد گفتوگو ميكند.');

-- options
SELECT 'no-repair', fa_normalize('میکند  مقامهای', 'no-repair'), fa_normalize('میکند', ' No-Repair , ascii '), fa_normalize('میکند', '');
SELECT 'key', fa_normalize('میکند', 'key'), fa_normalize('می کند', 'key'), fa_normalize('می‌کند', 'key'), fa_normalize('مقام های', 'key'), fa_normalize('رئیس‌جمهور آمریکا ۲۰۲۲', 'key');
SELECT 'key-equal', fa_normalize('نمي خواهند', 'key') = fa_normalize(fa_normalize('نمي خواهند'), 'key');

-- NULL in, NULL out; other values are read as text
SELECT 'null', fa_normalize(NULL), fa_normalize('متن', NULL), fa_normalize(NULL, 'ascii');
SELECT 'values', '[' || fa_normalize('') || ']', fa_normalize(1401), fa_normalize(2.5), fa_normalize(x'd98ad985'), typeof(fa_normalize(x''));
-- invalid UTF-8 becomes U+FFFD, NUL bytes are dropped
SELECT 'bytes', hex(fa_normalize(x'41ff42')), hex(fa_normalize(x'4100420043')), hex(fa_normalize(x'c0af')), hex(fa_normalize(x'eda080'));

-- errors
SELECT fa_normalize('متن', 'xyz');
SELECT fa_normalize('متن', 'ascii,persian');
CREATE TABLE t(v);
INSERT INTO t VALUES (x'ffffffffffffffffffffffff');
.limit length 32
SELECT fa_normalize(v) FROM t;
