#!/bin/sh
# `dssm bench hash` against the scikit-learn reference script (PERFORMANCE.md; not part of this repository: give
# its path as PEER) on the same file, in the same run, three rounds alternating reference / ours (1 thread) /
# ours (2 threads); prints each figure and the ratios.
# Needs: apt-get install -y python3-sklearn. Usage: PEER=…/peer_hashing_sklearn.py tests/benchmarks/bench-hash.sh [LINES] [ROUNDS]
set -eu
cd "$(dirname "$0")/../.."
LINES="${1:-100000}"
ROUNDS="${2:-3}"
TEXTS="/tmp/english-texts-$LINES.txt"
PEER="${PEER:-}"
[ -n "$PEER" ] && [ -f "$PEER" ] || { echo "bench-hash.sh: the reference script '$PEER' is not there; set PEER=path/to/peer_hashing_sklearn.py" >&2; exit 2; }
[ -f "$TEXTS" ] || tests/benchmarks/make-english-texts.sh "$LINES" "$TEXTS" >/dev/null
dotnet build src/Dssm.Cli/Dssm.Cli.csproj -c Release -v q -nologo >/dev/null
DSSM=src/Dssm.Cli/bin/Release/net10.0/dssm
echo "texts_file $TEXTS lines $LINES avg_chars $(awk '{s+=length($0)} END {printf "%.0f", s/NR}' "$TEXTS") sha256 $(sha256sum "$TEXTS" | cut -c1-16)"
echo "cpu $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) cores $(nproc) load $(cut -d' ' -f1 /proc/loadavg)"
r=1
while [ "$r" -le "$ROUNDS" ]; do
  peer=$(/usr/bin/python3 "$PEER" "$TEXTS" | awk '/hash_texts_per_s/ {print $2}')
  one=$("$DSSM" bench hash --texts "$TEXTS" --threads 1 | awk '/hash_texts_per_s/ {print $2}')
  two=$("$DSSM" bench hash --texts "$TEXTS" --threads 2 | awk '/hash_texts_per_s/ {print $2}')
  echo "round $r peer $peer dssm_1_thread $one dssm_2_threads $two ratio_1 $(awk "BEGIN {printf \"%.1f\", $one/$peer}") ratio_2 $(awk "BEGIN {printf \"%.1f\", $two/$peer}")"
  r=$((r + 1))
done
