#!/bin/sh
# tests/run.sh — run every tamas test and print one closing line
# "N passed, N failed"; exit non-zero on any failure.
#
#   C unit tests   build/tests/test_*        each prints "N passed, N failed"
#   SQL tests      tests/sql/NAME.sql        run by the sqlite3 shell; the whole
#                                            output (stdout and stderr) must equal
#                                            tests/sql/NAME.expected
# and both again against the AddressSanitizer + UBSan build in build/asan/.
# In SQL scripts, @TAMAS@ stands for the extension being tested.
# Run from the repository root (make test does).
set -u
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() { failed=$((failed + 1)); echo "FAIL $*"; }

# A unit binary: add its own counts; a crash or a missing summary is a failure.
run_unit() {
  label=$1; shift
  out=$tmp/unit.out
  "$@" >"$out" 2>&1
  status=$?
  summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$out" | tail -n 1)
  if [ -z "$summary" ]; then
    cat "$out"; fail "$label (exit $status, no summary)"; return
  fi
  p=${summary%% passed*}
  f=${summary#*passed, }; f=${f%% failed}
  passed=$((passed + p))
  failed=$((failed + f))
  if [ "$f" != 0 ] || [ "$status" != 0 ]; then
    cat "$out"
    [ "$f" = 0 ] && fail "$label (exit $status)"
    echo "FAIL $label: $summary"
  else
    echo "ok   $label: $p checks"
  fi
}

# A SQL script: one test, passed when the output equals the expected file.
run_sql() {
  label=$1 so=$2 script=$3
  expected=${script%.sql}.expected
  sed "s#@TAMAS@#$so#g" "$script" >"$tmp/script.sql"
  (cd "$(dirname "$script")/../.." && sqlite3 :memory: <"$tmp/script.sql") >"$tmp/sql.out" 2>&1
  if [ ! -f "$expected" ]; then
    fail "$label: no $expected"
  elif ! [ -s "$expected" ]; then
    fail "$label: $expected is empty"
  elif diff -u "$expected" "$tmp/sql.out" >"$tmp/diff"; then
    passed=$((passed + 1)); echo "ok   $label"
  else
    cat "$tmp/diff"; fail "$label"
  fi
}

for bin in build/tests/test_*; do
  [ -x "$bin" ] && run_unit "unit $(basename "$bin")" "$bin"
done
for script in tests/sql/*.sql; do
  run_sql "sql $(basename "$script" .sql)" "$PWD/build/tamas" "$script"
done

# The same under the sanitizers.  The sqlite3 shell is not instrumented, so
# the ASan runtime is preloaded for it.  ICU is preloaded too: it keeps its
# data caches for the life of the process, and LeakSanitizer reports them as
# leaks when ICU arrives later through dlopen() (its globals are not scanned).
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:halt_on_error=1
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export ASAN_OPTIONS UBSAN_OPTIONS
for bin in build/asan/tests/test_*; do
  [ -x "$bin" ] && run_unit "asan unit $(basename "$bin")" "$bin"
done
preload="$(${CC:-cc} -print-file-name=libasan.so) $(ldd build/asan/tamas.so | awk '/libicu/ {print $3}' | tr '\n' ' ')"
for script in tests/sql/*.sql; do
  LD_PRELOAD=$preload run_sql "asan sql $(basename "$script" .sql)" \
    "$PWD/build/asan/tamas" "$script"
done

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
