#!/bin/sh
# tests/run.sh — run every tamas test and print one closing line
# "N passed, N failed"; exit non-zero on any failure.
#
#   C unit tests   build/tests/test_*        each prints "N passed, N failed"
#                                            (with test_threads, through SQLite,
#                                            and test_fuzz_*, the fuzz corpora)
#   no recursion   tests/norecursion.sh      the call graph has no cycle
#   parallel scan  tests/parallel.sh         sql/tamas_parallel.sh = one scan
#   GraphML        tests/graphml.sh          read back by xml.etree and igraph
#   SQL tests      tests/sql/NAME.sql        run by the sqlite3 shell; the whole
#                                            output (stdout and stderr) must equal
#                                            tests/sql/NAME.expected
# and both again against the AddressSanitizer + UBSan build in build/asan/,
# test_scan under ThreadSanitizer (build/tsan/), and the plain build under
# valgrind (VALGRIND=0 skips that pass).
# In SQL scripts, @TAMAS@ stands for the extension being tested and @TMP@ for
# a scratch directory.
#
#   sh tests/run.sh              everything (make test)
#   sh tests/run.sh --check      the plain build's unit and SQL tests (make check)
#   sh tests/run.sh --only NAME  one test: build/tests/test_NAME, tests/sql/NAME.sql
#                                or tests/rules/NAME.tsv (make test T=NAME)
#   sh tests/run.sh --bless NAME print the diff of tests/sql/NAME.sql, then write
#                                its output as NAME.expected (make bless T=NAME)
# Run from the repository root (make does).
set -u
mode=${1:-all}
name=${2:-}
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail() { failed=$((failed + 1)); echo "FAIL $*"; }
sqlite3=sqlite3 # the shell run_sql runs (the valgrind pass wraps it)

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
  # @TMP@: a scratch directory, with sql/ linked in, for files a script writes
  [ -e "$tmp/sql" ] || ln -s "$PWD/sql" "$tmp/sql"
  sed -e "s#@TAMAS@#$so#g" -e "s#@TMP@#$tmp#g" "$script" >"$tmp/script.sql"
  (cd "$(dirname "$script")/../.." && $sqlite3 :memory: <"$tmp/script.sql") >"$tmp/sql.out" 2>&1
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

plain_units() {
  for bin in build/tests/test_*; do
    [ -x "$bin" ] && run_unit "unit $(basename "$bin")" "$bin"
  done
}
plain_sql() {
  for script in tests/sql/*.sql; do
    run_sql "sql $(basename "$script" .sql)" "$PWD/build/tamas" "$script"
  done
}

case $mode in
  --check)
    plain_units
    plain_sql
    echo "$passed passed, $failed failed"
    [ "$failed" = 0 ]
    exit
    ;;
  --only)
    found=0
    if [ -x "build/tests/test_$name" ]; then
      run_unit "unit test_$name" "build/tests/test_$name"; found=1
    fi
    if [ -f "tests/sql/$name.sql" ]; then
      run_sql "sql $name" "$PWD/build/tamas" "tests/sql/$name.sql"; found=1
    fi
    if [ "$found" = 0 ]; then
      echo "no test named '$name': not build/tests/test_$name nor tests/sql/$name.sql"
      exit 2
    fi
    echo "$passed passed, $failed failed"
    [ "$failed" = 0 ]
    exit
    ;;
  --bless)
    script=tests/sql/$name.sql
    if [ ! -f "$script" ]; then
      echo "no SQL test named '$name' (tests/sql/$name.sql)"
      exit 2
    fi
    expected=tests/sql/$name.expected
    [ -f "$expected" ] || : >"$expected"
    run_sql "sql $name" "$PWD/build/tamas" "$script" >/dev/null
    diff -u "$expected" "$tmp/sql.out"
    cp "$tmp/sql.out" "$expected"
    echo "wrote $expected"
    exit 0
    ;;
  all) ;;
  *)
    echo "usage: sh tests/run.sh [--check | --only NAME | --bless NAME]"
    exit 2
    ;;
esac

plain_units
run_unit "no recursion (call graph)" sh tests/norecursion.sh
run_unit "layers (includes and calls point back)" sh tests/layers.sh
run_unit "exported symbols" sh tests/exports.sh build/tamas.so
run_unit "lexicon rows tamas cannot use fail the build" sh tests/lexicon_reject.sh
run_unit "parallel scan (sql/tamas_parallel.sh)" sh tests/parallel.sh "$PWD/build/tamas"
run_unit "GraphML read back (xml.etree, igraph)" sh tests/graphml.sh "$PWD/build/tamas"
plain_sql

# Other languages (tests/lang/), the SVG files the SQL tests wrote, and make
# install.  run_script LABEL EXPECTED COMMAND…: passed when the output equals
# EXPECTED; exit status 77 is a skip, with the reason on the last line.
run_script() {
  label=$1 expected=$2; shift 2
  "$@" >"$tmp/script.out" 2>&1
  status=$?
  if [ "$status" = 77 ]; then
    echo "skip $label: $(tail -n 1 "$tmp/script.out")"
  elif [ "$status" = 0 ] && diff -u "$expected" "$tmp/script.out" >"$tmp/diff"; then
    passed=$((passed + 1)); echo "ok   $label"
  else
    if [ "$status" = 0 ]; then cat "$tmp/diff"; else cat "$tmp/script.out"; fi
    fail "$label (exit $status)"
  fi
}
for lang in python tcl perl r; do
  run_script "lang $lang" tests/lang/expected.txt sh tests/lang/run.sh "$lang" "$PWD/build/tamas"
done
for kind in svg graphml; do
  if ! command -v xmllint >/dev/null 2>&1; then
    echo "skip $kind: xmllint not found (Debian package libxml2-utils; make deps installs it)"
  elif ls "$tmp"/*.$kind >/dev/null 2>&1 && xmllint --noout "$tmp"/*.$kind; then
    passed=$((passed + 1)); echo "ok   $kind: $(ls "$tmp"/*.$kind | wc -l) files well-formed (xmllint)"
  else
    fail "$kind: not well-formed, or none written"
  fi
done
run_script "make install" tests/install/expected.txt sh tests/install/check.sh "$tmp"

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

# The scan's threads under ThreadSanitizer (make tsan runs it more often,
# with test_threads).
# Some kernels map memory where TSan's runtime cannot work ("unexpected memory
# mapping"); without address randomisation (setarch -R) it can.
tsan_scan() {
  tsan_out=$(TSAN_OPTIONS=halt_on_error=1 build/tsan/tests/test_scan 2>&1)
  status=$?
  if echo "$tsan_out" | grep -q "unexpected memory mapping"; then
    TSAN_OPTIONS=halt_on_error=1 setarch "$(uname -m)" -R build/tsan/tests/test_scan
  else
    echo "$tsan_out"
    return $status
  fi
}
run_unit "tsan unit test_scan" tsan_scan

# The plain build once more, under valgrind's memcheck: no invalid read or
# write, no use of uninitialised memory, no definite leak.  Its reports go
# to log files (with -q it writes only errors), and a report fails the test
# that made it.  ICU is preloaded for the SQL tests as for ASan above: SQLite
# unloads the extension at exit, and ICU's caches would then look lost.
# VALGRIND=0 skips this pass (for a quick run; make test runs it).
unset LD_PRELOAD
if [ "${VALGRIND:-1}" = 0 ]; then
  echo "skip valgrind: VALGRIND=0"
elif ! command -v valgrind >/dev/null 2>&1; then
  fail "valgrind: not installed (Debian package valgrind; make deps installs it)"
else
  vg="valgrind -q --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite --log-file=$tmp/vg.%p.log"
  vg_check() { # fail $1 when valgrind wrote a report
    if cat "$tmp"/vg.*.log 2>/dev/null | grep -q .; then
      head -n 60 "$tmp"/vg.*.log; fail "$1: valgrind found errors or leaks"
    fi
    rm -f "$tmp"/vg.*.log
  }
  for bin in build/tests/test_*; do
    [ -x "$bin" ] || continue
    run_unit "valgrind unit $(basename "$bin")" $vg "$bin"
    vg_check "valgrind unit $(basename "$bin")"
  done
  sqlite3="$vg sqlite3"
  icu="$(ldd build/tamas.so | awk '/libicu/ {print $3}' | tr '\n' ' ')"
  for script in tests/sql/*.sql; do
    LD_PRELOAD=$icu run_sql "valgrind sql $(basename "$script" .sql)" "$PWD/build/tamas" "$script"
    vg_check "valgrind sql $(basename "$script" .sql)"
  done
  sqlite3=sqlite3
fi

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
