#!/usr/bin/env bash
# The fixed cost of XOR-AND-XOR's SHARCS training step: the same model and engine operations at
# batch sizes 2, 16 and 64 (800 training samples: 400, 50 and 13 steps an epoch), so the step at
# 2 samples is nearly all per-operation cost and the growth to 64 is the arithmetic. Runs the
# three sizes in turn RUNS times and prints the median epoch and the time per step of each run.
# Usage: scripts/bench/xor-step-floor.sh [RUNS]   (default 5)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${1:-5}"
"$root/sharcs" plugins > /dev/null # build first, so no run pays for it
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "| run | batch | epochs | steps an epoch | median epoch ms | ms a step |"
echo "|---|---|---|---|---|---|"
for i in $(seq 1 "$runs"); do
  for batch in 2 16 64; do
    # Epochs chosen so that each run trains for 10-16 s.
    case $batch in 2) epochs=20 ;; 16) epochs=60 ;; *) epochs=150 ;; esac
    steps=$(((800 + batch - 1) / batch))
    SHARCS_SKIP_BUILD=1 "$root/sharcs" run "$root/examples/xor-and-xor.yaml" \
      --set dataset.size=1000 --set dataset.train_size=800 \
      --set training.batch_size=$batch --set training.epochs=$epochs \
      --out "$work/run-$i-$batch" > "$work/log" 2>&1 || { tail -n 5 "$work/log" >&2; exit 1; }
    epoch=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['timing.train_epoch_seconds_median'])" \
      "$work/run-$i-$batch/metrics.json")
    python3 -c "import sys; e=float(sys.argv[1]); s=int(sys.argv[2]); print(f'| {sys.argv[3]} | {sys.argv[4]} | {sys.argv[5]} | {s} | {1000*e:.1f} | {1000*e/s:.3f} |')" \
      "$epoch" "$steps" "$i" "$batch" "$epochs"
  done
done
