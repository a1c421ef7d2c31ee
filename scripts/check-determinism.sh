#!/usr/bin/env bash
# Determinism of the whole suite: runs `make report` twice and compares the evidence of every claim
# (verdicts, numbers, tables, figures, seeds, controls), leaving out only the informational timings.
# Prints each run's wall time (the README quotes them) and exits 1 if any claim's evidence differs.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v jq >/dev/null 2>&1; then
  echo "check-determinism: installing jq" >&2
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq >/dev/null
fi
runs=$(mktemp -d)
for run in 1 2; do
  start=$(date +%s)
  make report >"$runs/log$run" 2>&1 || { tail -n 20 "$runs/log$run"; echo "check-determinism: make report failed (run $run)" >&2; exit 1; }
  echo "run $run: make report took $(( $(date +%s) - start )) s"
  mkdir -p "$runs/$run"
  for f in reports/evidence/*.json; do jq -S 'del(.Timings)' "$f" >"$runs/$run/$(basename "$f")"; done
done
count=$(ls "$runs/1" | wc -l)
if diff -rq "$runs/1" "$runs/2" >"$runs/diff"; then
  echo "check-determinism: $count claims, evidence identical between the two runs"
  rm -rf "$runs"
else
  cat "$runs/diff"
  echo "check-determinism: evidence differs between two runs (kept in $runs)" >&2
  exit 1
fi
