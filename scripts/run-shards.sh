#!/usr/bin/env bash
# Runs a sweep as n shards on this machine, p at a time (xargs -P), then merges them: the same commands a cluster
# runs (docs/scale.md), without one. Shard i writes <out>/shard-i/results.json; the merge writes <out>/results.json.
#
#   scripts/run-shards.sh <n> <p> <out> <experiment args...>
#   scripts/run-shards.sh 4 2 out/modes --preset mitigation-modes --seeds 4
#
# Each shard runs with --jobs 1: p shards at a time already use p cores. GNU parallel works the same way:
#   parallel -j 2 npm run -s experiment -- ... --shard {}/4 --out out/modes/shard-{} ::: 0 1 2 3
set -euo pipefail
if [ "$#" -lt 4 ]; then
  echo "usage: $0 <shards> <parallel> <out-dir> <experiment args...>" >&2
  exit 2
fi
n="$1"; p="$2"; out="$3"; shift 3
cd "$(dirname "$0")/.."
mkdir -p "$out"
seq 0 $((n - 1)) | xargs -P "$p" -I{} sh -c 'npm run --silent experiment -- "$@" --jobs 1 --quiet --shard {}/'"$n"' --out "'"$out"'/shard-{}" > "'"$out"'/shard-{}.log" 2>&1 || { echo "shard {} failed, see '"$out"'/shard-{}.log" >&2; exit 255; }' sh "$@"
npm run --silent merge -- "$out"/shard-*/results.json --out "$out"
