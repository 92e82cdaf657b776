#!/usr/bin/env bash
# Screenshots an HTML report with headless Chromium, to check by eye how a report renders.
#
#   scripts/render-report.sh REPORT.html OUT.png [WIDTH,HEIGHT]
#
# WIDTH,HEIGHT is the window size in CSS pixels (default 1400,2000); the screenshot shows the top of
# the page at that size, so raise HEIGHT to see more of a long report. Needs Chromium (Debian:
# apt-get install -y chromium). The browser runs with a throw-away profile and without any network
# feature of its own; the report is self-contained, so nothing is fetched. Not used by the test suite.
set -euo pipefail

if [[ $# -lt 2 || $# -gt 3 ]]; then
  echo "usage: $0 REPORT.html OUT.png [WIDTH,HEIGHT]" >&2
  exit 2
fi
report=$1
out=$2
size=${3:-1400,2000}

if [[ ! -f "$report" ]]; then
  echo "error: $report: no such file" >&2
  exit 2
fi
browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z "$browser" ]]; then
  echo "error: chromium not found; install it with: apt-get install -y chromium" >&2
  exit 2
fi

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
url="file://$(realpath "$report")"
out_abs="$(realpath -m "$out")"

"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --hide-scrollbars --user-data-dir="$profile" --screenshot="$out_abs" --window-size="$size" "$url" \
  >/dev/null 2>&1 || { echo "error: chromium failed to render $report" >&2; exit 1; }

[[ -s "$out_abs" ]] || { echo "error: no screenshot written to $out" >&2; exit 1; }
echo "wrote $out"
