#!/usr/bin/env bash
# How XOR-AND-XOR's cost grows with the data: SHARCS at 1,000, 10,000 and 100,000 samples (80%
# training), 3 epochs each, one run per size (scripts/bench/bench.sh's table for each).
# Usage: scripts/bench/xor-scaling.sh [RUNS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
for n in 1000 10000 100000; do
  echo "## $n samples"
  "$here/bench.sh" "$here/../../examples/xor-and-xor.yaml" "${1:-1}" \
    --set dataset.size=$n --set dataset.train_size=$((n * 8 / 10)) --set training.epochs=3
done
