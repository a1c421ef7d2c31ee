#!/usr/bin/env bash
# Checks reports/index.html as a reader sees it, in headless Chromium (Debian's package, installed
# here if missing): no console errors, every claim has a card, every figure has its SVG; saves a
# screenshot (reports/screenshot.png) and a PDF print (reports/index.pdf). Run after `make report`.
set -euo pipefail
cd "$(dirname "$0")/.."
page="$PWD/reports/index.html"
[ -f "$page" ] || { echo "check-report: $page not found (run make report first)" >&2; exit 1; }

if ! command -v chromium >/dev/null 2>&1; then
  echo "check-report: installing Debian's chromium" >&2
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

profile=$(mktemp -d)
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --user-data-dir="$profile" --enable-logging=stderr --v=0)
dom=$(mktemp); log=$(mktemp)
timeout 120 chromium "${flags[@]}" --virtual-time-budget=5000 --dump-dom "file://$page" >"$dom" 2>"$log"
timeout 120 chromium "${flags[@]}" --window-size=1280,2400 --screenshot="$PWD/reports/screenshot.png" "file://$page" >/dev/null 2>&1
timeout 180 chromium "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$PWD/reports/index.pdf" "file://$page" >/dev/null 2>&1

claims=$(dotnet run --project src/Verify.Cli -c Release -- list | tail -n 1 | awk '{print $1}')
cards=$(grep -o '<article class="card[ "]' "$dom" | wc -l || true)
figures=$(grep -o '<figure>' "$dom" | wc -l || true)
with_svg=$(grep -o '<figure><svg' "$dom" | wc -l || true)
errors=$(grep -c 'CONSOLE.*ERROR\|Uncaught' "$log" || true)

echo "claims: $claims, cards: $cards, figures: $figures (with SVG: $with_svg), console errors: $errors"
echo "screenshot: reports/screenshot.png, PDF: reports/index.pdf ($(stat -c %s reports/index.pdf) bytes)"
rm -rf "$profile" "$dom" "$log"
[ "$cards" -eq "$claims" ] || { echo "check-report: $claims claims but $cards cards" >&2; exit 1; }
[ "$figures" -eq "$with_svg" ] || { echo "check-report: $((figures - with_svg)) figure(s) without SVG" >&2; exit 1; }
[ "$errors" -eq 0 ] || { echo "check-report: $errors console error(s)" >&2; exit 1; }
echo "check-report: OK"
