#!/usr/bin/env bash
# Renders an HTML report in headless Chromium (Debian: apt-get install -y chromium) to a PNG, offline,
# to check that its charts draw: environment/screenshot-report.sh runs/quickstart/report.html report.png
set -euo pipefail
html=$(realpath "${1:?usage: screenshot-report.sh REPORT.html OUT.png}")
out=$(realpath -m "${2:-report.png}")
profile=$(mktemp -d)
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --window-size=1280,2400 \
  --virtual-time-budget=8000 --screenshot="$out" "file://$html" 2>/dev/null
rm -rf "$profile"
echo "screenshot: $out"
