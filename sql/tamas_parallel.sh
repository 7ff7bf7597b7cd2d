#!/bin/sh
# tamas_parallel.sh — tamas_events over a large corpus in shards, run by GNU
# parallel on this machine or on many, merged into one database.
#
#   sh sql/tamas_parallel.sh EXTENSION DIR OUT.db [GNU PARALLEL OPTIONS…]
#
#   sh sql/tamas_parallel.sh build/tamas news/ events.db            # one job per core
#   sh sql/tamas_parallel.sh build/tamas news/ events.db -j 4 --bar # 4 jobs, a progress bar
#   sh sql/tamas_parallel.sh tamas /data/news/ events.db \
#      -S 8/alpha.example.org,8/beta.example.org --bar              # two machines
#   sqlite3 events.db "SELECT date, actor1, actor2 FROM events ORDER BY date"
#
# It lists the files under DIR as tamas_events walks a folder (regular files
# and links to them; hidden names and linked folders skipped) and hands them
# to GNU parallel (Debian package `parallel`), which runs shards: one sqlite3
# process per shard, reading its files on one thread and writing their events
# into a database of its own (shard.N.db).  The shards are then merged into
# the table `events` of OUT.db with ATTACH.  The rows are those of
# SELECT * FROM tamas_events('DIR'), in another order; sort them with ORDER BY.
#
# The options after OUT.db go to GNU parallel as they are (a number alone is
# -j NUMBER).  By default: one job per core (-j), the files spread evenly over
# the jobs (-X; -n 500 caps a shard at 500 files), a failed shard tried once
# more (--retries 2; more with --retries N), the run stopped at the first
# shard that still fails (--halt now,fail=1: nothing is merged then, and the
# exit status is not 0).
#
# On many machines (-S/--sshlogin, --slf/--sshloginfile): shards of 500
# files (-N 500; -N sets another size), as many at a time on each machine as
# its cores (or 8/host: 8).  Each machine needs sqlite3 and the extension
# (after `make install` there, EXTENSION is `tamas`), and rsync; each
# shard's database comes back (--return) and is removed there (--cleanup),
# from a scratch folder of its own (--wd ...).
# The articles must be at the same path on every machine (a shared file
# system), or copied with the job: add --transferfile {} (they go to the
# same absolute path there; with --cleanup they are removed after the job).
set -eu
if [ $# -lt 3 ]; then
  echo "usage: sh $0 EXTENSION DIR OUT.db [GNU PARALLEL OPTIONS…]" >&2
  exit 2
fi
ext=$1 dir=$2 out=$3
shift 3
# a number alone is the number of jobs (as the script before GNU parallel took it)
case ${1:-} in '' | *[!0-9]*) ;; *) n=$1; shift; set -- -j "$n" "$@" ;; esac
# GNU parallel builds the command it runs on another machine for the shell
# in $SHELL; with none set (cron, CI, env -i) that command does not run there
SHELL=${SHELL:-/bin/sh}
export SHELL
command -v parallel >/dev/null 2>&1 ||
  { echo "tamas_parallel: GNU parallel not found (Debian package parallel)" >&2; exit 1; }
[ -d "$dir" ] || { echo "tamas_parallel: $dir is not a folder" >&2; exit 1; }
[ ! -e "$out" ] || { echo "tamas_parallel: $out exists; give a new file" >&2; exit 1; }
case $ext in /*) ;; */*) ext=$(pwd)/$ext ;; esac # a bare name: .load finds it
case $dir in /*) ;; *) dir=$(pwd)/$dir ;; esac
case $out in /*) ;; *) out=$(pwd)/$out ;; esac
work=$(mktemp -d "${TMPDIR:-/tmp}/tamas-parallel.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

# the files, one per line (a name with a line break in it is not supported)
find "$dir" -name '.?*' -prune -o \( -type f -o \( -type l -xtype f \) \) -print >"$work/files"
[ -s "$work/files" ] || { echo "tamas_parallel: no files under $dir" >&2; exit 1; }

# One shard: sh -c "$shard" sh EXTENSION SHARD.db FILE…  It needs only a
# shell, sed and sqlite3 where it runs.
shard='ext=$1 db=$2; shift 2
{ printf ".load \"%s\"\n" "$ext"
  echo "CREATE TEMP TABLE files(name TEXT);"
  printf "%s\n" "$@" | sed "s/'"'"'/'"'"''"'"'/g; s/.*/INSERT INTO files VALUES ('"'"'&'"'"');/"
  echo "CREATE TABLE events AS SELECT e.* FROM files, tamas_events(files.name, 1) AS e;"
} | sqlite3 -bail "$db"'

remote=""
for a in "$@"; do
  case $a in -S | --sshlogin | --slf | --sshloginfile | -S* | --sshlogin=* | --slf=*) remote=1 ;; esac
done
# here: the files spread evenly over the jobs (-X); elsewhere, where the
# longest command line is not known, shards of 500 files (-N 500)
if [ -z "$remote" ]; then
  set -- -j "$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)" -X --retries 2 \
    --halt now,fail=1 "$@"
else
  set -- -N 500 --retries 2 --halt now,fail=1 "$@" --wd ... --return 'shard.{#}.db' --cleanup
fi
(cd "$work" && parallel --will-cite -q "$@" sh -c "$shard" sh "$ext" 'shard.{#}.db' '{}' \
  <"$work/files") || { echo "tamas_parallel: a shard failed; nothing merged" >&2; exit 1; }

# merge: ATTACH each shard in turn, in one sqlite3 process
first=1
for part in "$work"/shard.*.db; do
  [ -e "$part" ] || continue
  q=$(printf '%s' "$part" | sed "s/'/''/g")
  if [ $first = 1 ]; then
    echo "ATTACH '$q' AS part; CREATE TABLE events AS SELECT * FROM part.events; DETACH part;"
    first=0
  else
    echo "ATTACH '$q' AS part; INSERT INTO events SELECT * FROM part.events; DETACH part;"
  fi
done >"$work/merge.sql"
[ -s "$work/merge.sql" ] || { echo "tamas_parallel: no shard came back" >&2; exit 1; }
sqlite3 -bail "$out" <"$work/merge.sql"
sqlite3 "$out" "SELECT count(*) || ' events from ' || count(DISTINCT file) || ' files' FROM events"
