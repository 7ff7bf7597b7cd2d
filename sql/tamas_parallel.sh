#!/bin/sh
# tamas_parallel.sh — tamas_events over a large corpus with several processes.
#
#   sh sql/tamas_parallel.sh EXTENSION DIR OUT.db [JOBS]
#
# One sqlite3 process already reads with one thread per core (tamas_events'
# `threads` argument); those threads share one process and one database.
# This script splits the work across processes instead — to run them on
# other machines, or to keep each part in a database of its own: it lists
# the files under DIR, deals them into JOBS lists (default: one per core),
# runs one sqlite3 process per list with xargs -P, each reading on one
# thread and writing the events of its files into a database of its own, and
# merges those into the table `events` of OUT.db with ATTACH.  The rows are
# those of SELECT * FROM tamas_events('DIR'), in another order; sort them
# with ORDER BY.
#
#   sh sql/tamas_parallel.sh build/tamas news/ events.db 4
#   sqlite3 events.db "SELECT date, actor1, actor2 FROM events ORDER BY date"
#
# Files are listed as tamas_events walks a folder: regular files and links
# to them, hidden names (".x") and linked folders skipped.
set -eu
if [ $# -lt 3 ]; then
  echo "usage: sh $0 EXTENSION DIR OUT.db [JOBS]" >&2
  exit 2
fi
ext=$1 dir=$2 out=$3
jobs=${4:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)}
case $ext in /*) ;; *) ext=$(pwd)/$ext ;; esac
[ -d "$dir" ] || { echo "tamas_parallel: $dir is not a folder" >&2; exit 1; }
[ ! -e "$out" ] || { echo "tamas_parallel: $out exists; give a new file" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/tamas-parallel.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

# the files, each as an SQL string literal, dealt round-robin into JOBS lists
find "$dir" -name '.?*' -prune -o \( -type f -o \( -type l -xtype f \) \) -print |
  sed "s/'/''/g; s/.*/('&'),/" >"$work/all"
[ -s "$work/all" ] || { echo "tamas_parallel: no files under $dir" >&2; exit 1; }
split -n "r/$jobs" -d -a 4 "$work/all" "$work/list."

# one process per list: its own database, events of its files only
for list in "$work"/list.*; do
  [ -s "$list" ] || continue
  {
    echo ".load $ext"
    echo "CREATE TEMP TABLE files(name TEXT);"
    echo "INSERT INTO files VALUES"
    sed '$ s/,$/;/' "$list"
    echo "CREATE TABLE events AS SELECT e.* FROM files, tamas_events(files.name, 1) AS e;"
  } >"$list.sql"
  echo "$list"
done | xargs -P "$jobs" -I LIST sh -c 'sqlite3 "$1.db" <"$1.sql"' sh LIST

# merge: ATTACH each part in turn
first=1
for part in "$work"/list.*.db; do
  if [ $first = 1 ]; then
    sqlite3 "$out" "ATTACH '$part' AS part; CREATE TABLE events AS SELECT * FROM part.events;"
    first=0
  else
    sqlite3 "$out" "ATTACH '$part' AS part; INSERT INTO events SELECT * FROM part.events;"
  fi
done
sqlite3 "$out" "SELECT count(*) || ' events from ' || count(DISTINCT file) || ' files' FROM events"
