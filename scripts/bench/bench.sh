#!/usr/bin/env bash
# Times one experiment: runs the whole command N times under /usr/bin/time -v and prints, as a
# Markdown table, per run and as medians:
#   wall seconds;
#   start+exit: launcher, JVM, plugins, experiment file and the JVM's exit (what the phases below
#     leave of the wall time);
#   data (reading or generating it), engine (loading PyTorch);
#   run: the run's own total (preprocessing, training, evaluation); training; the median epoch;
#   evaluation after training, in all and phase by phase (timing.evaluation.*; its
#     history_test_passes, the per-epoch test passes of history.csv, are part of training);
#   report (provenance, tables, report.html); peak RSS.
# Needs python3 and /usr/bin/time.
# Usage: scripts/bench/bench.sh EXPERIMENT [N] [extra sharcs run args...]
#   scripts/bench/bench.sh examples/xor-and-xor.yaml 5
#   scripts/bench/bench.sh examples/xor-and-xor.yaml 1 --set dataset.size=100000 \
#       --set dataset.train_size=80000 --set training.epochs=3
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
experiment="${1:?usage: bench.sh EXPERIMENT [N] [sharcs run args...]}"
runs="${2:-3}"
shift; shift || true
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
command -v python3 > /dev/null || { echo "bench: python3 is missing" >&2; exit 2; }
"$root/sharcs" plugins > /dev/null # build first, so no run pays for it
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for i in $(seq 1 "$runs"); do
  /usr/bin/time -v -o "$work/time-$i.txt" "$root/sharcs" run "$experiment" \
    --out "$work/run-$i" "$@" > "$work/log-$i.txt" 2>&1 \
    || { tail -n 5 "$work/log-$i.txt" >&2; exit 1; }
done
python3 - "$work" "$runs" <<'PY'
import json, re, statistics, sys
work, runs = sys.argv[1], int(sys.argv[2])
rows = []
for i in range(1, runs + 1):
    t = open(f"{work}/time-{i}.txt").read()
    parts = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", t).group(1).split(":")
    wall = 0.0
    for p in parts:
        wall = wall * 60 + float(p)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1)) / 1024
    m = json.load(open(f"{work}/run-{i}/metrics.json"))
    nan = float("nan")
    # Phases around the core's run (metrics of runs since 2026-12-07; blank for older commits).
    data, engine = m.get("timing.data_seconds", nan), m.get("timing.engine_seconds", nan)
    report = m.get("timing.report_seconds", nan)
    row = {"wall s": wall, "start+exit s": wall - data - engine - m["timing.total_seconds"] - report,
           "data s": data, "engine s": engine,
           "run s": m["timing.total_seconds"], "training s": m["timing.train_seconds"],
           "epoch ms": 1000 * m["timing.train_epoch_seconds_median"]}
    phases = {k: v for k, v in m.items() if re.fullmatch(r"timing\.evaluation\..+_seconds", k)}
    if phases:
        # The per-epoch test passes run inside training (and its time): not counted twice.
        row["evaluation s"] = sum(v for k, v in phases.items() if "history_test_passes" not in k)
    for k, v in phases.items():
        row[re.fullmatch(r"timing\.evaluation\.(.+)_seconds", k).group(1) + " s"] = v
    row["report s"] = report
    row["peak RSS MB"] = rss
    rows.append(row)
cols = list(rows[0])
print("| | " + " | ".join(cols) + " |")
print("|---" * (len(cols) + 1) + "|")
fmt = lambda v: "" if v != v else (f"{v:.3f}" if v < 10 else f"{v:.1f}")
for i, r in enumerate(rows, 1):
    print(f"| run {i} | " + " | ".join(fmt(r.get(c, float('nan'))) for c in cols) + " |")
med = lambda c: statistics.median([r[c] for r in rows if c in r and r[c] == r[c]] or [float("nan")])
print(f"| median of {runs} | " + " | ".join(fmt(med(c)) for c in cols) + " |")
PY
