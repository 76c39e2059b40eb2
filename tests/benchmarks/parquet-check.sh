#!/usr/bin/env bash
# Checks a `dssm encode --format parquet` file with DuckDB (npm package @duckdb/node-api, an independent reader):
#   tests/benchmarks/parquet-check.sh FILE.parquet FILE.idx [corpus.jsonl]
# FILE.idx: `dssm encode` of the same model and corpus with the default --format index (the vectors to compare with).
# Installs the pinned DuckDB package into a cache folder outside the repository on first use (needs node ≥ 18 and
# npm; nothing in the README's commands does). See parquet-check.mjs for what is checked.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="${DSSM_CHECK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dssm-parquet-check}"
version=1.5.6-r.1
if [ ! -d "$cache/node_modules/@duckdb/node-api" ] || ! grep -q "\"version\": \"$version\"" "$cache/node_modules/@duckdb/node-api/package.json"; then
  mkdir -p "$cache"
  (cd "$cache" && npm install --no-audit --no-fund --silent "@duckdb/node-api@$version" >/dev/null)
fi
cp "$here/parquet-check.mjs" "$cache/parquet-check.mjs"   # resolved against the cache's node_modules
exec node "$cache/parquet-check.mjs" "$@"
