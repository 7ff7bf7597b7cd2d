#!/bin/sh
# tests/exports.sh LIBRARY — tamas.so exports its two SQLite entry points and
# nothing else: the core (include/tamas.h) and its internal helpers are
# hidden (-fvisibility=hidden), so they cannot clash with a host's symbols.
# Programs that want the C API link the core's objects, as the unit tests do.
# Prints "N passed, N failed" like a unit test.
set -u
lib=${1:-build/tamas.so}
passed=0 failed=0
check() { # check LABEL CONDITION-EXIT-STATUS
  if [ "$2" = 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $1"; fi
}
symbols=$(nm -D --defined-only "$lib" | awk '{print $3}' | sort -u)
for entry in sqlite3_tamas_init sqlite3_tamas_nofs_init; do
  echo "$symbols" | grep -qx "$entry"; check "$entry is exported" $?
done
extra=$(echo "$symbols" | grep -vx 'sqlite3_tamas_init\|sqlite3_tamas_nofs_init' | grep .)
[ -n "$extra" ] && echo "exported besides the entry points: $extra"
[ -z "$extra" ]; check "nothing else is exported" $?
# the core is in the library, only hidden (one function of each part)
for f in tamas_jalali_to_jdn tamas_find_date tamas_article_read tamas_extract tamas_scan_open; do
  nm "$lib" | grep -q " t $f$"; check "$f is in the library, hidden" $?
done
echo "$passed passed, $failed failed"
