#!/bin/sh
# tests/parallel.sh — sql/tamas_parallel.sh gives the rows of one
# tamas_events() scan: the example articles split over 3 processes, merged
# with ATTACH, compared with one process, whole rows in one order.  Also its
# errors.  Prints "N passed, N failed" like a unit test.  Run from the root.
set -u
ext=${1:-$PWD/build/tamas}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
check() { # check LABEL WANT GOT
  if [ "$2" = "$3" ]; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL $1: got '$3', want '$2'"; fi
}
cols="file, title, medium, status, actor1, actor2, initiator, date, date_precision, evidence_start"
order="ORDER BY file, evidence_start, actor1, actor2, status"
got=$(sh sql/tamas_parallel.sh "$ext" sql/news "$tmp/out.db" 3)
check "summary" "28 events from 8 files" "$got"
sqlite3 "$tmp/out.db" "SELECT $cols FROM events $order" >"$tmp/parallel.txt"
sqlite3 :memory: ".load $ext" "SELECT $cols FROM tamas_events('sql/news') $order" >"$tmp/one.txt"
check "same rows as one process" "$(cat "$tmp/one.txt")" "$(cat "$tmp/parallel.txt")"
check "rows" 28 "$(wc -l <"$tmp/parallel.txt" | tr -d ' ')"
check "columns of tamas_events" \
  "$(sqlite3 :memory: ".load $ext" "SELECT group_concat(name) FROM pragma_table_xinfo('tamas_events') WHERE hidden = 0")" \
  "$(sqlite3 "$tmp/out.db" "SELECT group_concat(name) FROM pragma_table_info('events')")"
# more jobs than files: still every row once
sh sql/tamas_parallel.sh "$ext" sql/news "$tmp/many.db" 20 >/dev/null
check "20 jobs" 28 "$(sqlite3 "$tmp/many.db" 'SELECT count(*) FROM events')"
# errors say what is wrong
check "existing output" "tamas_parallel: $tmp/out.db exists; give a new file" \
  "$(sh sql/tamas_parallel.sh "$ext" sql/news "$tmp/out.db" 2>&1)"
check "not a folder" "tamas_parallel: no/such/dir is not a folder" \
  "$(sh sql/tamas_parallel.sh "$ext" no/such/dir "$tmp/x.db" 2>&1)"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
