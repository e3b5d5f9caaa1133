#!/usr/bin/env bash
# Speed and memory benchmark of the default experiment (XOR-AND-XOR, SHARCS, clean protocol).
# Runs the whole command N times (default 3) under /usr/bin/time -v and prints, per run and as
# medians: wall seconds (JVM start included), the median training epoch, and peak RSS.
# Usage: scripts/bench-xor.sh [N] [extra sharcs args...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-3}"
shift || true
[ -x /usr/bin/time ] || { echo "bench-xor: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
"$root/sharcs" plugins > /dev/null # build first, so no run pays for it
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
walls=(); epochs=(); rss=()
for i in $(seq 1 "$runs"); do
  /usr/bin/time -v -o "$work/time-$i.txt" "$root/sharcs" run "$root/examples/xor-and-xor.yaml" \
    --out "$work/run-$i" "$@" > "$work/log-$i.txt" 2>&1
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(j=1;j<=n;j++) s=s*60+t[j]; print s}' "$work/time-$i.txt")
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time-$i.txt")
  ep=$(awk -F': *' '/"timing.train_epoch_seconds_median"/ {gsub(/[ ,]/, "", $2); print $2}' "$work/run-$i/metrics.json")
  awk -v i="$i" -v w="$wall" -v e="$ep" -v k="$kb" \
    'BEGIN {printf "run %d: wall %.2f s, median epoch %.1f ms, peak RSS %d MB\n", i, w, e * 1000, k / 1024}'
  walls+=("$wall"); epochs+=("$ep"); rss+=("$kb")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
awk -v n="$runs" -v w="$(median "${walls[@]}")" -v e="$(median "${epochs[@]}")" \
  -v k="$(median "${rss[@]}")" \
  'BEGIN {printf "median of %d: wall %.2f s, median epoch %.1f ms, peak RSS %d MB\n", n, w, e * 1000, k / 1024}'
