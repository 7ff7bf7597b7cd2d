#!/bin/sh
# tests/lang/run.sh LANG EXTENSION — run tests/lang/test.py, .tcl, .pl or .R
# (LANG python, tcl, perl or r) against the built extension (EXTENSION
# without .so, as `.load` takes it).  Every language prints the same text,
# tests/lang/expected.txt.
#
# Exits 77 with the reason on its last line when the interpreter or its
# SQLite binding (a Debian package) is not installed; `make deps` installs
# them.  Anything else that goes wrong is a failure.
lang=$1 so=$2
dir=$(dirname "$0")
skip() {
  echo "$1 (Debian package $2; make deps installs it)"
  exit 77
}
case $lang in
  python)
    # Debian's Python: some builds (pyenv's) lack enable_load_extension
    [ -x /usr/bin/python3 ] || skip "/usr/bin/python3 not found" python3
    /usr/bin/python3 -c 'import sqlite3' 2>/dev/null || skip "Python has no sqlite3 module" python3
    exec /usr/bin/python3 "$dir/test.py" "$so" "$dir/input.txt"
    ;;
  tcl)
    command -v tclsh >/dev/null 2>&1 || skip "tclsh not found" tcl
    echo 'if {[catch {package require sqlite3}]} {exit 1}' | tclsh 2>/dev/null ||
      skip "Tcl has no sqlite3 package" libsqlite3-tcl
    exec tclsh "$dir/test.tcl" "$so" "$dir/input.txt"
    ;;
  perl)
    command -v perl >/dev/null 2>&1 || skip "perl not found" perl
    perl -MDBI -MDBD::SQLite -e 1 2>/dev/null || skip "Perl has no DBD::SQLite" libdbd-sqlite3-perl
    exec perl "$dir/test.pl" "$so" "$dir/input.txt"
    ;;
  r)
    command -v Rscript >/dev/null 2>&1 || skip "Rscript not found" r-cran-rsqlite
    Rscript -e 'library(DBI); library(RSQLite)' >/dev/null 2>&1 ||
      skip "R has no DBI and RSQLite" r-cran-rsqlite
    exec Rscript "$dir/test.R" "$so" "$dir/input.txt"
    ;;
  *)
    echo "tests/lang/run.sh: unknown language '$lang': python, tcl, perl or r" >&2
    exit 2
    ;;
esac
