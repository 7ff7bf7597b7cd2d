#!/bin/sh
# tests/exports.sh LIBRARY — tamas.so exports its two SQLite entry points and
# the functions of include/tamas.h, nothing else: internal helpers (lexicon_*,
# build_actors, romanise, …) are hidden (-fvisibility=hidden), so they cannot
# clash with a host's symbols.  Prints "N passed, N failed" like a unit test.
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
# the names tamas.h declares (a name followed by '(' on a declaration line)
declared=$(sed -n 's/.*[ *]\(tamas_[a-z0-9_]*\)(.*/\1/p' include/tamas.h | sort -u)
extra=0
for s in $symbols; do
  case $s in sqlite3_tamas_init | sqlite3_tamas_nofs_init) continue ;; esac
  if ! echo "$declared" | grep -qx "$s"; then
    echo "exported but not in include/tamas.h: $s"
    extra=1
  fi
done
check "nothing else is exported" $extra
# and the core API is there (one function of each part)
for f in tamas_jalali_to_jdn tamas_find_date tamas_article_read tamas_extract tamas_scan_open; do
  echo "$symbols" | grep -qx "$f"; check "$f is exported" $?
done
echo "$passed passed, $failed failed"
