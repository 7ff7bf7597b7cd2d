#!/bin/sh
# tests/fuzz/run.sh SECONDS TARGET... — run each libFuzzer target for SECONDS
# on its seeds (tests/fuzz/corpus/TARGET/) and what earlier runs found
# (build/fuzz/corpus/TARGET/), then print one line per target with the
# executions and whether it crashed.  Exits non-zero when a target crashed;
# the input is saved as build/fuzz/crash-TARGET-*.
# Run from the repository root (make fuzz does).
set -u
seconds=$1; shift
status=0
summary=""
for t in "$@"; do
  mkdir -p "build/fuzz/corpus/$t"
  log="build/fuzz/$t.log"
  echo "fuzz $t: ${seconds}s (log: $log)"
  "build/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2560 \
    -max_len=8192 -dict=tests/fuzz/persian.dict -print_final_stats=1 \
    -artifact_prefix="build/fuzz/crash-$t-" \
    "build/fuzz/corpus/$t" "tests/fuzz/corpus/$t" >"$log" 2>&1
  rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  corpus=$(ls "build/fuzz/corpus/$t" | wc -l)
  if [ "$rc" = 0 ]; then
    line="ok   fuzz $t: ${execs:-?} executions in ${seconds}s, corpus $corpus inputs, no crash"
  else
    status=1
    tail -n 40 "$log"
    line="FAIL fuzz $t: exit $rc after ${execs:-?} executions; see $log and build/fuzz/crash-$t-*"
  fi
  summary="$summary$line
"
done
printf '%s' "$summary"
exit $status
