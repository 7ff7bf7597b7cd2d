#!/bin/sh
# tests/parallel.sh — sql/tamas_parallel.sh (GNU parallel) gives the rows of
# one tamas_events() scan: the example articles in 3 shards, merged with
# ATTACH, compared with one process, whole rows in one order; more jobs than
# files; a shard that fails once and is run again (--retries); a shard that
# keeps failing (nothing merged); "other machines" reached through a stand-in
# for ssh that runs the command here, with the shards' databases brought back
# by rsync (--return) and the articles sent with the jobs (--transferfile);
# and its errors.  Prints "N passed, N failed" like a unit test.  Run from
# the root.
set -u
ext=${1:-$PWD/build/tamas}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
check() { # check LABEL WANT GOT
  if [ "$2" = "$3" ]; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL $1: got '$3', want '$2'"; fi
}
if ! command -v parallel >/dev/null 2>&1; then
  echo "skip: GNU parallel not found (Debian package parallel; make deps installs it)"
  echo "0 passed, 0 failed"
  exit 0
fi
cols="file, title, medium, status, actor1, actor2, initiator, date, date_precision, evidence_start"
order="ORDER BY file, evidence_start, actor1, actor2, status"
sqlite3 :memory: ".load $ext" "SELECT $cols FROM tamas_events('sql/news') $order" >"$tmp/one.txt"
same() { # same LABEL DB PREFIX: the rows of one process (file names without PREFIX)
  sqlite3 "$2" "SELECT $(echo "$cols" | sed "s#^file#replace(file, '$3', '') AS file#")
                FROM events $order" >"$tmp/got.txt" 2>&1
  if cmp -s "$tmp/one.txt" "$tmp/got.txt"; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL $1:"; diff "$tmp/one.txt" "$tmp/got.txt" | head -n 10; fi
}

got=$(sh sql/tamas_parallel.sh "$ext" sql/news "$tmp/out.db" -j 3 2>&1)
check "summary" "28 events from 7 files" "$got"
same "same rows as one process" "$tmp/out.db" "$PWD/"
check "columns of tamas_events" \
  "$(sqlite3 :memory: ".load $ext" "SELECT group_concat(name) FROM pragma_table_xinfo('tamas_events') WHERE hidden = 0")" \
  "$(sqlite3 "$tmp/out.db" "SELECT group_concat(name) FROM pragma_table_info('events')")"
# a number alone is the number of jobs; more jobs than files: every row once
sh sql/tamas_parallel.sh "$ext" sql/news "$tmp/many.db" 20 >/dev/null 2>&1
check "20 jobs" 28 "$(sqlite3 "$tmp/many.db" 'SELECT count(*) FROM events')"

# a shard that fails once is run again; one that keeps failing stops the run
mkdir "$tmp/bin" "$tmp/flaky"
cat >"$tmp/bin/sqlite3" <<EOS
#!/bin/sh
for a; do case \$a in shard.*.db)
  [ -e "$tmp/flaky/\$a" ] || { : >"$tmp/flaky/\$a"; echo "flaky \$a" >&2; exit 1; } ;;
esac; done
exec $(command -v sqlite3) "\$@"
EOS
chmod +x "$tmp/bin/sqlite3"
PATH="$tmp/bin:$PATH" sh sql/tamas_parallel.sh "$ext" sql/news "$tmp/retry.db" -j 2 >/dev/null 2>&1
check "a failed shard runs again" "28 2" \
  "$(sqlite3 "$tmp/retry.db" 'SELECT count(*) FROM events') $(ls "$tmp/flaky" | wc -l | tr -d ' ')"
got=$(sh sql/tamas_parallel.sh "$tmp/no-such-extension" sql/news "$tmp/fail.db" -j 2 2>&1)
check "a shard that keeps failing" "1 tamas_parallel: a shard failed; nothing merged" \
  "$([ -e "$tmp/fail.db" ]; echo $?) $(echo "$got" | tail -n 1)"

# other machines: an ssh that runs the command here (in a scratch folder of
# the home directory, --wd ...), rsync bringing each shard's database back
if command -v rsync >/dev/null 2>&1; then
  cat >"$tmp/ssh" <<'EOS'
#!/bin/sh
while [ $# -gt 0 ]; do case $1 in -o | -l | -p | -i) shift 2 ;; -*) shift ;; *) break ;; esac; done
shift # the host
[ "${1:-}" = -- ] && shift
exec sh -c "$*"
EOS
  chmod +x "$tmp/ssh"
  mkdir "$tmp/sql"
  cp -r sql/news "$tmp/sql/news"
  # with no SHELL and no HOME set, as under cron or a bare CI runner
  env -u SHELL -u HOME sh sql/tamas_parallel.sh "$ext" "$tmp/sql/news" "$tmp/remote.db" -S 2/alpha,1/beta --ssh "$tmp/ssh" \
    -N 3 >/dev/null 2>&1
  same "two machines: same rows" "$tmp/remote.db" "$tmp/"
  # the articles sent with each job, and removed there afterwards (the
  # "other machine" is this one: the copies sent are the articles themselves)
  sh sql/tamas_parallel.sh "$ext" "$tmp/sql/news" "$tmp/sent.db" -S 2/alpha --ssh "$tmp/ssh" -N 3 \
    --transferfile {} >/dev/null 2>&1
  same "articles sent with the jobs: same rows" "$tmp/sent.db" "$tmp/"
  check "and removed there afterwards" "0" "$(find "$tmp/sql/news" -type f 2>/dev/null | wc -l | tr -d ' ')"
else
  echo "skip other machines: rsync not found (Debian package rsync; make deps installs it)"
fi

# errors say what is wrong
check "existing output" "tamas_parallel: $tmp/out.db exists; give a new file" \
  "$(sh sql/tamas_parallel.sh "$ext" sql/news "$tmp/out.db" 2>&1)"
check "not a folder" "tamas_parallel: no/such/dir is not a folder" \
  "$(sh sql/tamas_parallel.sh "$ext" no/such/dir "$tmp/x.db" 2>&1)"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
