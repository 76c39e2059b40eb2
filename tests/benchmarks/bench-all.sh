#!/usr/bin/env bash
# The performance protocol (tests/Dssm.Research.Tests/PERFORMANCE.md, "The protocol"): the kit's `dssm bench train|encode`
# workloads against the PyTorch peers, alternating, in rounds, on the same machine in the same run, with the machine's own
# sgemm ceiling measured at the start and at the end, and the load average before, between rounds and after.
# Writes OUT/results.tsv (one row per figure), OUT/config.txt (versions, commit, options), OUT/logs/ (every invocation's
# output) and OUT/summary.md (medians, ranges, ratios per round, fractions of the ceiling), which it also prints.
#
# Usage: tests/benchmarks/bench-all.sh [--rounds N] [--quick] [--force] [--max-load X] [--out DIR]
#   --rounds N     alternating rounds (default 5)
#   --quick        a smoke test: 1 round, a few steps each; its figures mean nothing
#   --force        run even when the 1-minute load average is above --max-load
#   --max-load X   refuse to start above this 1-minute load average (default 1.5, on the project's 2-core machine)
#   --out DIR      output folder (default /tmp/dssm-bench-YYYYmmdd-HHMMSS)
#   --peer-env E   what the peers' second variant gets: tuned (default: OMP_WAIT_POLICY=PASSIVE and the malloc tunables
#                  the kit gives itself, Runtime/ProcessTuning) or passive (OMP_WAIT_POLICY=PASSIVE alone)
# Environment: PEER_DSSM (default /work/shared/bench/peer_dssm_torch.py), PYTHON (default /usr/bin/python3, Debian's,
# with python3-torch and libopenblas0-pthread), DOTNET (default dotnet).
set -euo pipefail
cd "$(dirname "$0")/../.."

ROUNDS=5 QUICK=0 FORCE=0 MAX_LOAD=1.5 OUT="" PEER_ENV=tuned
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --quick) QUICK=1; shift ;;
    --force) FORCE=1; shift ;;
    --max-load) MAX_LOAD="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --peer-env) PEER_ENV="$2"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench-all.sh: error: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[ "$QUICK" = 1 ] && ROUNDS=1
PEER_DSSM="${PEER_DSSM:-/work/shared/bench/peer_dssm_torch.py}"
PEER_CDSSM=tests/benchmarks/peers/peer_cdssm_torch.py
PYTHON="${PYTHON:-/usr/bin/python3}"
DOTNET="${DOTNET:-dotnet}"
OUT="${OUT:-/tmp/dssm-bench-$(date -u +%Y%m%d-%H%M%S)}"
DSSM="$DOTNET src/Dssm.Cli/bin/Release/net10.0/dssm.dll"

# Steps per invocation (timed, warm-up). Chosen so that 5 rounds take ~8 minutes on the project's quiet 2-core machine.
if [ "$QUICK" = 1 ]; then
  S_OURS="--steps 4 --warmup 1" S_PEER="--steps 3 --warmup 1" S_INBATCH="--steps 3 --warmup 1" S_CDSSM="--steps 2 --warmup 1" S_PEER_CDSSM="--steps 2 --warmup 1 --encode-calls 2" N_SGEMM=1024
else
  S_OURS="--steps 60 --warmup 10" S_PEER="--steps 25 --warmup 5" S_INBATCH="--steps 30 --warmup 5" S_CDSSM="--steps 20 --warmup 5" S_PEER_CDSSM="--steps 8 --warmup 2" N_SGEMM=2048
fi

for f in "$PEER_DSSM" "$PEER_CDSSM" "$PYTHON"; do
  [ -e "$f" ] || { echo "bench-all.sh: error: '$f' is not there (PEER_DSSM / PYTHON; tests/benchmarks/README.md)" >&2; exit 2; }
done
"$PYTHON" -c 'import torch' 2>/dev/null || { echo "bench-all.sh: error: $PYTHON cannot import torch (apt-get install -y python3-torch libopenblas0-pthread)" >&2; exit 2; }

load() { cut -d' ' -f1-3 /proc/loadavg; }
load1() { cut -d' ' -f1 /proc/loadavg; }
echo "load average at start: $(load) (1, 5, 15 min; $(nproc) cores; refusing above $MAX_LOAD unless --force)"
if awk -v l="$(load1)" -v m="$MAX_LOAD" 'BEGIN { exit !(l > m) }'; then
  if [ "$FORCE" = 1 ]; then echo "load above $MAX_LOAD: going on (--force); the figures are a loaded machine's"
  else echo "bench-all.sh: error: load average $(load1) > $MAX_LOAD: the figures would measure the other work; wait, or --force" >&2; exit 3; fi
fi

mkdir -p "$OUT/logs"
START=$(date +%s)
echo "building Release once"
$DOTNET build src/Dssm.Cli/Dssm.Cli.csproj -c Release -v q -nologo > "$OUT/logs/build.txt" 2>&1 || { cat "$OUT/logs/build.txt" >&2; exit 1; }

{
  echo "date_utc $(date -u +%FT%TZ)"
  echo "commit $(git rev-parse HEAD)$(git diff --quiet HEAD -- src tests || echo ' (with uncommitted changes)')"
  echo "options rounds $ROUNDS quick $QUICK force $FORCE max_load $MAX_LOAD peer_env $PEER_ENV"
  echo "steps ours \"$S_OURS\" peers \"$S_PEER\" inbatch \"$S_INBATCH\" cdssm \"$S_CDSSM\" peer_cdssm \"$S_PEER_CDSSM\" sgemm_n $N_SGEMM"
  echo "cpu $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) cores $(nproc) flags_avx512f $(grep -m1 -c avx512f /proc/cpuinfo)"
  echo "kernel $(uname -r)"
  echo "dotnet $($DOTNET --version)"
  echo "torchsharp $(sed -n 's:.*<TorchSharpVersion>\(.*\)</TorchSharpVersion>.*:\1:p' Directory.Packages.props) libtorch $(sed -n 's:.*<LibTorchVersion>\(.*\)</LibTorchVersion>.*:\1:p' Directory.Packages.props)"
  echo "python $("$PYTHON" -c 'import sys, torch; print(sys.version.split()[0], "torch", torch.__version__)')"
  echo "blas $(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null || echo unknown)"
  echo "peer_dssm $PEER_DSSM sha256 $(sha256sum "$PEER_DSSM" | cut -c1-16)"
  echo "peer_cdssm $PEER_CDSSM sha256 $(sha256sum "$PEER_CDSSM" | cut -c1-16)"
  echo "omp_wait_policy_of_shell ${OMP_WAIT_POLICY:-unset}"
  echo "load_at_start $(load)"
} > "$OUT/config.txt"

printf 'round\tinvocation\tmetric\tvalue\tload1\tseconds\n' > "$OUT/results.tsv"
record() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >> "$OUT/results.tsv"; }

# sgemm ceiling: torch.mm of N×N float32 (Debian torch + OpenBLAS, the peers' BLAS) with 1 and 2 threads; best of 5.
sgemm() {
  local when="$1"
  for t in 1 2; do
    local g
    g=$(OMP_WAIT_POLICY=PASSIVE "$PYTHON" -c "
import time, torch
torch.set_num_threads($t); n = $N_SGEMM
a, b = torch.randn(n, n), torch.randn(n, n)
for _ in range(2): torch.mm(a, b)
best = min((lambda s: (torch.mm(a, b), time.perf_counter() - s)[1])(time.perf_counter()) for _ in range(5))
print(f'{2 * n ** 3 / best / 1e9:.1f}')")
    echo "sgemm $when threads $t: $g GFLOP/s (torch.mm ${N_SGEMM}², best of 5)"
    record "$when" "sgemm_${t}_threads" gflops "$g" "$(load1)" 0
  done
}
sgemm start

# One invocation: label, then the command; records its train_queries_per_s and encode_texts_per_s.
run() {
  local round="$1" label="$2"; shift 2
  local l log="$OUT/logs/r${round}-${label}.txt" t0 t1
  l=$(load1); t0=$(date +%s.%N)
  env "$@" > "$log" 2>&1 || { echo "round $round $label: failed, see $log" >&2; tail -5 "$log" >&2; return 0; }
  t1=$(date +%s.%N)
  local s; s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
  local tq en
  tq=$(awk '/^train_queries_per_s/ { print $2 }' "$log"); en=$(awk '/^encode_texts_per_s/ { print $2 }' "$log")
  [ -n "$tq" ] && record "$round" "$label" train_queries_per_s "$tq" "$l" "$s"
  [ -n "$en" ] && record "$round" "$label" encode_texts_per_s "$en" "$l" "$s"
  printf '  %-22s train %8s q/s  encode %8s texts/s  (%5ss, load %s)\n' "$label" "${tq:--}" "${en:--}" "$s" "$l"
}

# The peers' second variant gets the runtime settings the kit gives itself (TorchRuntime.Initialize): a passive OpenMP
# policy (libgomp's threads otherwise spin between parallel regions) and glibc malloc keeping freed memory instead of
# returning every large block to the kernel (fresh pages for every large tensor otherwise; the same string as
# Runtime/ProcessTuning.MallocTunables). Ours needs no variant: it sets both itself unless the user did.
case "$PEER_ENV" in
  tuned) P="OMP_WAIT_POLICY=PASSIVE GLIBC_TUNABLES=glibc.malloc.arena_max=1:glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=1073741824" ;;
  passive) P="OMP_WAIT_POLICY=PASSIVE" ;;
  *) echo "bench-all.sh: error: --peer-env must be tuned or passive, not '$PEER_ENV'" >&2; exit 2 ;;
esac
invocations=(
  "peer_dense|$PYTHON $PEER_DSSM $S_PEER"
  "peer_dense_$PEER_ENV|$P $PYTHON $PEER_DSSM $S_PEER"
  "ours_train|$DSSM bench train $S_OURS"
  "peer_sparse|$PYTHON $PEER_DSSM --sparse $S_PEER"
  "peer_sparse_$PEER_ENV|$P $PYTHON $PEER_DSSM --sparse $S_PEER"
  "ours_encode|$DSSM bench encode"
  "ours_encode_onnx|$DSSM bench encode --engine onnx"
  "peer_inbatch|$PYTHON $PEER_DSSM --inbatch --batch 1024 $S_PEER"
  "ours_inbatch|$DSSM bench train --sampler inbatch --batch 1024 $S_INBATCH"
  "peer_inbatch_$PEER_ENV|$P $PYTHON $PEER_DSSM --inbatch --batch 1024 $S_PEER"
  "peer_cdssm|$PYTHON $PEER_CDSSM $S_PEER_CDSSM"
  "ours_cdssm|$DSSM bench train --model cdssm $S_CDSSM"
  "peer_cdssm_sparse_$PEER_ENV|$P $PYTHON $PEER_CDSSM --sparse $S_PEER_CDSSM"
)
for r in $(seq 1 "$ROUNDS"); do
  echo "round $r of $ROUNDS (load $(load))"
  # Odd rounds in the listed order, even rounds reversed: a drift of the machine within a round favours neither side.
  if [ $((r % 2)) = 1 ]; then order=$(seq 0 $((${#invocations[@]} - 1))); else order=$(seq $((${#invocations[@]} - 1)) -1 0); fi
  for i in $order; do
    entry="${invocations[$i]}"
    # shellcheck disable=SC2086  # the command is split into words on purpose
    run "$r" "${entry%%|*}" ${entry#*|}
  done
  record "$r" load_after_round load1 "$(load1)" "$(load1)" 0
done
sgemm end

END=$(date +%s)
echo "load_at_end $(load)" >> "$OUT/config.txt"
echo "wall_seconds $((END - START))" >> "$OUT/config.txt"
"$PYTHON" tests/benchmarks/bench-summary.py "$OUT" | tee "$OUT/summary.md"
echo "load average at end: $(load); $((END - START)) s in all; results in $OUT"
