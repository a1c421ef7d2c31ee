#!/usr/bin/env bash
# Aggregates Stryker.NET JSON reports into one mutation score, per folder of src/Verify.Dynamics and total.
#
#   scripts/mutation-score.sh [report.json ...] [--survivors]
#
# Without report arguments it reads the newest tests/Verify.Dynamics.Tests/StrykerOutput/*/reports/
# mutation-report.json. Several reports (e.g. one run per folder) are merged file by file: a file's
# mutants are taken from the last report, in argument order, that actually tested that file (a run
# restricted with --mutate lists the other files with every mutant "Ignored"). Mutants are per file, so
# the merged total is the number a single whole-core run gives.
#
# Score (Stryker's definition) = (killed + timeout) / (killed + timeout + survived + no coverage);
# compile errors and ignored mutants are not counted. --survivors also lists every survived and
# no-coverage mutant as file:line mutator → replacement.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
survivors=0
reports=()
for a in "$@"; do
  if [[ $a == --survivors ]]; then survivors=1; else reports+=("$a"); fi
done
if [[ ${#reports[@]} -eq 0 ]]; then
  newest=$(ls -1d "$here"/tests/Verify.Dynamics.Tests/StrykerOutput/*/reports/mutation-report.json 2>/dev/null | sort | tail -1 || true)
  [[ -n $newest ]] || { echo "no Stryker report found; run 'make mutate' first" >&2; exit 2; }
  reports=("$newest")
fi
SURVIVORS=$survivors python3 - "${reports[@]}" <<'PY'
import json, os, sys
from collections import defaultdict

files = {}
for path in sys.argv[1:]:
    report = json.load(open(path))
    for name, entry in report["files"].items():
        tested = [m for m in entry["mutants"] if m["status"] != "Ignored"]
        if tested:
            files[name.split("Verify.Dynamics/", 1)[-1]] = entry["mutants"]

keys = ["Killed", "Timeout", "Survived", "NoCoverage", "CompileError", "Ignored"]
per = defaultdict(lambda: dict.fromkeys(keys, 0))
for name, mutants in files.items():
    folder = name.split("/")[0] if "/" in name else "."
    for m in mutants:
        status = m["status"]
        if status in ("RuntimeError",):
            status = "CompileError"
        per[folder][status] = per[folder].get(status, 0) + 1

def score(c):
    detected = c["Killed"] + c["Timeout"]
    valid = detected + c["Survived"] + c["NoCoverage"]
    return 100.0 * detected / valid if valid else float("nan")

print(f"| {'folder':<16}| killed | timeout | survived | no coverage | compile error | score   |")
print(f"|{'-'*17}|-------:|--------:|---------:|------------:|--------------:|--------:|")
total = dict.fromkeys(keys, 0)
for folder in sorted(per):
    c = per[folder]
    for k in keys: total[k] += c[k]
    print(f"| {folder:<16}| {c['Killed']:6} | {c['Timeout']:7} | {c['Survived']:8} | {c['NoCoverage']:11} | {c['CompileError']:13} | {score(c):6.2f}% |")
c = total
print(f"| {'**total**':<16}| {c['Killed']:6} | {c['Timeout']:7} | {c['Survived']:8} | {c['NoCoverage']:11} | {c['CompileError']:13} | {score(c):6.2f}% |")
print(f"mutation score: {score(total):.2f}%")

if os.environ.get("SURVIVORS") == "1":
    print()
    for name in sorted(files):
        for m in sorted(files[name], key=lambda m: (m["location"]["start"]["line"], m["location"]["start"]["column"])):
            if m["status"] in ("Survived", "NoCoverage"):
                loc = m["location"]["start"]
                print(f"{m['status']:10} {name}:{loc['line']}:{loc['column']}  {m['mutatorName']} → {m.get('replacement', '')!r}")
PY
