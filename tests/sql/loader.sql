-- Loading: exactly these functions appear, with these flags.
-- Snapshot what the sqlite3 shell itself defines, then load and diff.
CREATE TEMP TABLE before AS SELECT name, narg FROM pragma_function_list;
CREATE TEMP TABLE modules_before AS SELECT name FROM pragma_module_list;
.load @TAMAS@
.headers on
.mode list
SELECT f.name, f.narg,
       (f.flags & 0x000800) != 0 AS deterministic,
       (f.flags & 0x200000) != 0 AS innocuous,
       (f.flags & 0x080000) != 0 AS directonly
FROM pragma_function_list AS f
WHERE NOT EXISTS (SELECT 1 FROM before AS b WHERE b.name = f.name AND b.narg = f.narg)
ORDER BY f.name, f.narg;
SELECT name AS new_module FROM pragma_module_list EXCEPT SELECT name FROM modules_before;
SELECT tamas_version() AS version, tamas_version() GLOB '[0-9]*.[0-9]*.[0-9]*' AS semver;
SELECT instr(tamas_debug(), 'tamas ' || tamas_version()) = 1 AS debug_starts_with_version,
       tamas_debug() LIKE '%icu: %' AS has_icu,
       tamas_debug() LIKE '%pcre2 jit: %' AS has_jit,
       tamas_debug() LIKE '%scan threads: _% (tamas_events, tamas_articles: one per core, at most 16)%' AS has_threads,
       tamas_debug() LIKE '%build flags: %' AS has_flags;
-- pure functions can be used where SQLite demands deterministic ones
CREATE TABLE t(j TEXT, g TEXT AS (jalali_to_iso(j)));
CREATE INDEX t_g ON t(jalali_to_iso(j));
INSERT INTO t(j) VALUES ('۲۴ اردیبهشت ۱۴۰۱');
SELECT g FROM t;
