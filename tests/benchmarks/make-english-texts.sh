#!/bin/sh
# Real English texts for `dssm bench hash` and its scikit-learn reference (PERFORMANCE.md), from prose already on a
# Debian machine (no network). Usage: tests/benchmarks/make-english-texts.sh [LINES] [OUT]
set -eu
LINES="${1:-100000}"
OUT="${2:-/tmp/english-texts-$LINES.txt}"
/usr/bin/python3 "$(dirname "$0")/make-english-texts.py" "$LINES" "$OUT"
echo "$OUT"
