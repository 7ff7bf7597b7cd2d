#!/bin/sh
# tests/norecursion.sh — no function of tamas calls itself, directly or
# through others, so no input can exhaust the stack however deep it nests.
#
# Compiles the core and the SQLite layer with gcc's -fcallgraph-info, joins
# the call graphs of all files and looks for a cycle (tsort finds loops).
# Calls through function pointers (qsort's comparators, the table of SQL
# functions) are not in the graph; none of them calls back into tamas.
# Prints "N passed, N failed" like a unit test.  Run from the repository root.
set -u
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cc=${CC:-cc}
if ! $cc -fcallgraph-info -x c -c /dev/null -o "$tmp/probe.o" 2>/dev/null; then
  echo "$cc has no -fcallgraph-info (gcc 10 or later has): nothing checked"
  echo "0 passed, 0 failed"
  exit 0
fi
flags="-Iinclude -Iext -D_GNU_SOURCE -std=c11 -O0 -w -fcallgraph-info"
flags="$flags $(pkg-config --cflags icu-uc icu-i18n libpcre2-8 sqlite3 2>/dev/null)"
for f in ext/*/*.c; do
  [ "$f" = ext/data/embed.c ] && continue # a build tool, not in the library
  name=$(echo "$f" | tr / _)
  if ! $cc $flags -c "$f" -o "$tmp/${name%.c}.o"; then
    echo "cannot compile $f"
    echo "0 passed, 1 failed"
    exit 1
  fi
done
sed -n 's/^edge: { sourcename: "\([^"]*\)" targetname: "\([^"]*\)".*/\1 \2/p' "$tmp"/*.ci |
  sort -u >"$tmp/edges"
functions=$(sed -n 's/^node: { title: "\([^"]*\)".*/\1/p' "$tmp"/*.ci | sort -u | wc -l)
calls=$(wc -l <"$tmp/edges")
failed=0
self=$(awk '$1 == $2 { print $1 }' "$tmp/edges")
if [ -n "$self" ]; then
  echo "calls itself: $self"
  failed=1
fi
if ! tsort "$tmp/edges" >/dev/null 2>"$tmp/loops"; then
  echo "calls itself through others:"
  cat "$tmp/loops"
  failed=1
fi
if [ "$functions" -lt 100 ] || [ "$calls" -lt 100 ]; then
  echo "the call graph is too small ($functions functions, $calls calls): not read"
  failed=1
fi
echo "call graph: $functions functions, $calls calls"
echo "$((1 - failed)) passed, $failed failed"
[ "$failed" = 0 ]
