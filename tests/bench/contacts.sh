#!/bin/sh
# contacts.sh — the grouping half of `make bench`: tamas_contacts over a
# table of event rows, against plain SQL over the same rows.
#
#   sh tests/bench/contacts.sh [EXTENSION] [ROWS] [CONTACTS]
#                                          (defaults: build/tamas 100000 20000)
#
# Writes ROWS event rows, reports of CONTACTS contacts (tests/bench/events.sql),
# to a database file in a temporary directory, then, in one sqlite3 process,
# runs each query RUNS times (default 5) in turn and prints the medians:
#   - reading the rows: the sum of the lengths of every column grouping reads;
#   - GROUP BY in SQL on what a report says exactly (the pair in either
#     order, status, medium, dates) with the counts tamas gives: what an
#     analyst writes without tamas, and finds duplicates with;
#   - tamas_contacts over the table;
# then the peak resident memory of tamas_contacts in separate processes,
# beside that of reading the rows alone: for ROWS rows of CONTACTS
# contacts, for ROWS rows of a quarter as many contacts, and for a quarter
# of the rows of those.  It reports; it never fails on a slow machine.
set -eu
ext=${1:-build/tamas}
rows=${2:-100000}
contacts=${3:-20000}
runs=${RUNS:-5}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
case $ext in /*) ;; *) ext=$root/$ext ;; esac
dir=$(mktemp -d "${TMPDIR:-/tmp}/tamas-contacts.XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM
calc() { awk "BEGIN { print $1 }"; }

make_db() { # make_db FILE ROWS CONTACTS
  sqlite3 "$1" -cmd ".parameter set @rows $2" -cmd ".parameter set @contacts $3" \
    <"$here/events.sql"
}
make_db "$dir/ev.db" "$rows" "$contacts"

read_rows="SELECT sum(length(file) + length(actor1) + length(actor1_country) + length(actor2)
  + length(actor2_country) + length(status) + length(medium) + coalesce(length(date), 0)
  + coalesce(length(date_end), 0) + coalesce(length(date_precision), 0) + length(published)
  + length(evidence) + length(source)) FROM ev;"
group_by="SELECT count(*) FROM (SELECT min(actor1, actor2) AS a, max(actor1, actor2) AS b, status,
  medium, date, date_end, count(*), count(DISTINCT file), count(DISTINCT source), min(published),
  max(published), min(evidence) FROM ev GROUP BY a, b, status, medium, date, date_end);"
grouping="SELECT count(*) FROM tamas_contacts WHERE events = 'ev';"
{
  echo ".timer on"
  i=0
  while [ $i -lt "$runs" ]; do
    echo ".print @read"; echo "$read_rows"
    echo ".print @groupby"; echo "$group_by"
    echo ".print @contacts"; echo "$grouping"
    i=$((i + 1))
  done
  echo ".timer off"
  echo ".print @counts"
  echo "SELECT count(*), sum(alternatives > 0) FROM tamas_contacts WHERE events = 'ev';"
  echo "$group_by"
} >"$dir/bench.sql"
sqlite3 "$dir/ev.db" -cmd ".load $ext" <"$dir/bench.sql" >"$dir/times.txt"

awk -v rows="$rows" '
  /^@/ { label = substr($0, 2); next }
  /^Run Time: real/ && label != "" { t[label, ++n[label]] = $4; label = ""; next }
  label == "counts" { got[++k] = $0; next }
  function median(l,   i, j, m, v, tmp) {
    m = n[l]
    for (i = 1; i <= m; i++) v[i] = t[l, i]
    for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (v[j] < v[i]) { tmp = v[i]; v[i] = v[j]; v[j] = tmp }
    return v[int((m + 1) / 2)]
  }
  function line(name, l) {
    printf "  %-40s %7.3f s  %7.0f ns/row  %5.1fx reading\n", name, median(l), median(l) / rows * 1e9,
      median(l) / median("read")
  }
  END {
    split(got[1], c, "|")
    printf "tamas bench (contacts): %d event rows of %d contacts (%d reports not placed), median of %d runs\n",
      rows, c[1], c[2], n["read"]
    line("reading the rows (baseline)", "read")
    line("GROUP BY in SQL: " got[2] " groups", "groupby")
    line("tamas_contacts: " c[1] " contacts", "contacts")
  }' "$dir/times.txt"

# peak memory: separate processes, so each starts from nothing
rss() { "$root/build/bench" --rss sqlite3 "$1" -cmd ".load $ext" "$2"; }
quarter=$((contacts / 4))
make_db "$dir/few.db" "$rows" "$quarter"
make_db "$dir/small.db" $((rows / 4)) "$quarter"
base=$(rss "$dir/ev.db" "$read_rows")
for db in ev few small; do
  peak=$(rss "$dir/$db.db" "$grouping")
  n=$(sqlite3 "$dir/$db.db" -cmd ".load $ext" "SELECT count(*) || ' ' || sum(reports) FROM tamas_contacts WHERE events = 'ev'")
  printf '  peak memory over reading: %7s reports of %6s contacts  %6d KiB  (%d bytes a contact)\n' \
    "${n#* }" "${n% *}" $((peak - base)) "$(calc "int(($peak - $base) * 1024 / ${n% *})")"
done
