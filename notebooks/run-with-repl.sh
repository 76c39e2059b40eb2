#!/usr/bin/env bash
# Runs notebooks under dotnet-repl 0.3.259 (the local tool pinned in .config/dotnet-tools.json), the
# second engine CI uses beside `dssm notebooks run`. dotnet-repl, like VS Code's dotnet-interactive,
# loads FSharp.Core 10.0, so a notebook whose charts draw here draws in VS Code too.
#
#   notebooks/run-with-repl.sh [NOTEBOOK.dib …]     default: every notebooks/[0-9]*.dib (00–07), in name order
#
# Quick mode unless DSSM_NOTEBOOK_QUICK is already set (0 for full mode). Each notebook runs with
# notebooks/ as its working directory (as in VS Code) and its executed copy is written to
# notebooks/out/repl/NAME.ipynb (DSSM_REPL_OUT to change). The script stops at the first notebook
# that fails: dotnet-repl exits non-zero when a cell fails, and we also fail on any error output.
# Needs the local package feed: run notebooks/pack.sh first.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
dotnet tool restore > /dev/null
# The notebooks reference the packed library: pack it when the feed is missing.
ls .packages/Dssm.Research.*.nupkg > /dev/null 2>&1 || notebooks/pack.sh
out="${DSSM_REPL_OUT:-$root/notebooks/out/repl}"
mkdir -p "$out"
export DSSM_NOTEBOOK_QUICK="${DSSM_NOTEBOOK_QUICK:-1}"

if [ "$#" -gt 0 ]; then notebooks=("$@"); else notebooks=(notebooks/[0-9]*.dib); fi
total_start=$SECONDS
for notebook in "${notebooks[@]}"; do
  name="$(basename "$notebook" .dib)"
  result="$out/$name.ipynb"
  rm -f "$result"
  start=$SECONDS
  status=0
  dotnet repl --run "$(realpath "$notebook")" --exit-after-run --working-dir "$root/notebooks" \
    --output-format ipynb --output-path "$result" || status=$?
  errors=0
  if [ -f "$result" ]; then errors="$(grep -c '"output_type": *"error"' "$result" || true)"; fi
  if [ "$status" -ne 0 ] || [ ! -f "$result" ] || [ "$errors" -ne 0 ]; then
    echo "FAILED: $notebook under dotnet-repl (exit code $status, $errors error output(s); executed copy: $result)" >&2
    if [ -f "$result" ]; then
      python3 - "$result" >&2 <<'PY' || true
import json, sys
cells = [c for c in json.load(open(sys.argv[1]))["cells"] if c["cell_type"] == "code"]
for number, cell in enumerate(cells, 1):
    for output in cell.get("outputs", []):
        if output.get("output_type") == "error":
            print(f"  code cell {number}: {output.get('evalue', '')}")
PY
    fi
    exit 1
  fi
  echo "ok: $notebook under dotnet-repl in $((SECONDS - start)) s -> $result"
done
echo "${#notebooks[@]} notebook(s) passed under dotnet-repl in $((SECONDS - total_start)) s"
