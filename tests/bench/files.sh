#!/bin/sh
# files.sh — the file half of `make bench`: tamas over a generated corpus of
# news pages against SQLite's own readfile() over the same files.
#
#   sh tests/bench/files.sh [EXTENSION] [FILES]     (defaults: build/tamas 10000)
#
# Builds FILES articles (about 5 KB each) from sql/news in a temporary
# directory (tests/bench/corpus.sql), then, in one sqlite3 process, runs each
# query RUNS times (default 5) in turn and prints the median of each:
#   - the baseline: SELECT sum(length(readfile(name))) FROM fsdir(dir), over
#     regular files only (readfile() of a directory is an error);
#   - tamas_events(dir) and tamas_articles(dir), as a ratio to it and in MB/s,
#     with their default threads (one per core) and with threads = 1 (the
#     query's own thread only); the CPU seconds (user + sys, all threads)
#     beside the elapsed ones;
#   - extract_contacts() over the same texts already in a table;
#   - tamas_events over a quarter, a half and all of the corpus (scaling);
# then the peak resident memory of tamas_events over a quarter and over all
# of it (separate processes), and the split across processes of
# sql/tamas_parallel.sh with 1 job and with one job per core.  It reports; it
# never fails on a slow machine.
set -eu
ext=${1:-build/tamas}
files=${2:-10000}
runs=${RUNS:-5}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
case $ext in /*) ;; *) ext=$root/$ext ;; esac
dir=$(mktemp -d "${TMPDIR:-/tmp}/tamas-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM
cores=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)

cd "$root"
sqlite3 :memory: -cmd ".load $ext" -cmd ".parameter set @dir '$dir/c'" \
  -cmd ".parameter set @files $files" <tests/bench/corpus.sql >/dev/null
bytes() { sqlite3 :memory: "SELECT sum(length(data)) FROM fsdir('$1') WHERE mode & 0xF000 = 0x8000"; }
total=$(bytes "$dir/c")
calc() { awk "BEGIN { print $1 }"; }
printf 'tamas bench (files): %s files, %.1f MB under %s, %s cores, median of %s runs, one process\n' \
  "$files" "$(calc "$total / 1000000")" "$dir" "$cores" "$runs"

# One script: every query RUNS times, in turn, each after a label line.
readfile="SELECT sum(length(readfile(name))) FROM fsdir('$dir/c') WHERE mode & 0xF000 = 0x8000;"
{
  echo ".timer on"
  echo "CREATE TABLE texts AS SELECT CAST(readfile(name) AS TEXT) AS text FROM fsdir('$dir/c') WHERE mode & 0xF000 = 0x8000;"
  i=0
  while [ $i -lt "$runs" ]; do
    echo ".print @readfile"; echo "$readfile"
    echo ".print @events"; echo "SELECT count(*) FROM tamas_events('$dir/c');"
    echo ".print @events1"; echo "SELECT count(*) FROM tamas_events('$dir/c', 1);"
    echo ".print @articles"; echo "SELECT count(*) FROM tamas_articles('$dir/c');"
    echo ".print @articles1"; echo "SELECT count(*) FROM tamas_articles('$dir/c', 1);"
    echo ".print @extract"; echo "SELECT count(*) FROM texts, extract_contacts(texts.text);"
    echo ".print @quarter"; echo "SELECT count(*) FROM tamas_events('$dir/c/h1/q1');"
    echo ".print @half"; echo "SELECT count(*) FROM tamas_events('$dir/c/h1');"
    i=$((i + 1))
  done
} >"$dir/bench.sql"
sqlite3 :memory: -cmd ".load $ext" <"$dir/bench.sql" >"$dir/times.txt"

# medians of the "Run Time: real S" lines after each label
awk -v total="$total" -v q="$(bytes "$dir/c/h1/q1")" -v h="$(bytes "$dir/c/h1")" '
  /^@/ { label = substr($0, 2); next }
  /^Run Time: real/ && label != "" {
    t[label, ++n[label]] = $4; c[label, n[label]] = $6 + $8; label = ""; next
  }
  function median(l) { return middle(t, l) }
  function cpu(l) { return middle(c, l) }
  function middle(t, l,   i, j, k, v, tmp) {
    k = n[l]
    for (i = 1; i <= k; i++) v[i] = t[l, i]
    for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (v[j] < v[i]) { tmp = v[i]; v[i] = v[j]; v[j] = tmp }
    return v[int((k + 1) / 2)]
  }
  function line(name, l, mb) {
    printf "  %-36s %7.3f s  %7.1f MB/s  %6.1fx readfile   cpu %6.3f s  %6.1fx\n", name, median(l),
      mb / median(l), median(l) / base, cpu(l), cpu(l) / cpu("readfile")
  }
  END {
    base = median("readfile")
    line("readfile() over fsdir() (baseline)", "readfile", total / 1e6)
    line("tamas_events(dir)", "events", total / 1e6)
    line("tamas_events(dir, 1): one thread", "events1", total / 1e6)
    line("tamas_articles(dir)", "articles", total / 1e6)
    line("tamas_articles(dir, 1): one thread", "articles1", total / 1e6)
    line("extract_contacts() over a table", "extract", total / 1e6)
    printf "scaling of tamas_events with corpus size:\n"
    printf "  %-6s %8.1f MB  %7.3f s  %7.1f MB/s  cost %5.2fx of 1x\n", "1x", q / 1e6, median("quarter"), q / 1e6 / median("quarter"), 1
    printf "  %-6s %8.1f MB  %7.3f s  %7.1f MB/s  cost %5.2fx of 1x\n", "2x", h / 1e6, median("half"), h / 1e6 / median("half"), median("half") / median("quarter")
    printf "  %-6s %8.1f MB  %7.3f s  %7.1f MB/s  cost %5.2fx of 1x\n", "4x", total / 1e6, median("events"), total / 1e6 / median("events"), median("events") / median("quarter")
  }' "$dir/times.txt"

# where the time goes, stage by stage (the core alone, no SQLite)
"$root/build/bench-stages" "$dir/c"

# peak memory: separate processes, so each starts from nothing
rss() { "$root/build/bench" --rss sqlite3 :memory: -cmd ".load $ext" "SELECT count(*) FROM tamas_events('$1')"; }
rq=$(rss "$dir/c/h1/q1")
rw=$(rss "$dir/c")
printf 'peak resident memory of tamas_events: quarter %s KiB, whole %s KiB, ratio %s\n' \
  "$rq" "$rw" "$(calc "$rw / $rq")"

# several processes: sql/tamas_parallel.sh with 1 job, then one per core
seconds() { date +%s.%N; }
t0=$(seconds); sh sql/tamas_parallel.sh "$ext" "$dir/c" "$dir/one.db" 1 >/dev/null; t1=$(seconds)
sh sql/tamas_parallel.sh "$ext" "$dir/c" "$dir/all.db" "$cores" >/dev/null; t2=$(seconds)
one=$(calc "$t1 - $t0"); all=$(calc "$t2 - $t1")
printf 'sql/tamas_parallel.sh: 1 job %.2f s, %s jobs %.2f s, speed-up %.2fx (%s events)\n' \
  "$one" "$cores" "$all" "$(calc "$one / $all")" \
  "$(sqlite3 "$dir/all.db" 'SELECT count(*) FROM events')"
