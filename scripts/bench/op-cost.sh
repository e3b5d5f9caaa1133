#!/usr/bin/env bash
# The cost of one engine operation on this machine (scripts/bench/OpCost.java): a chain of OPS
# tiny operations a step, with and without autograd, one intra-op thread as XOR-AND-XOR runs.
# Usage: scripts/bench/op-cost.sh [OPS] [ROWS] [STEPS]   (defaults 290, 2, 1000)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
"$root/sharcs" plugins > /dev/null # build first: the program runs on the runner's libraries
DJL_OFFLINE=true OMP_NUM_THREADS=1 ONEDNN_MAX_CPU_ISA="${ONEDNN_MAX_CPU_ISA:-AVX2}" \
  java -Dlogback.configurationFile="$root/sharcs-runner/src/main/resources/logback.xml" \
  -cp "$root/sharcs-runner/target/lib/*" "$root/scripts/bench/OpCost.java" "$@"
