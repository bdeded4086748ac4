#!/usr/bin/env bash
# Side-by-side benchmark of the DARTS search step: `serdarts bench search` against the PyTorch 1.13 peer
# (peer_search.py: the same supernet, head and step), run in interleaved rounds on the same machine.
#
# Peer prerequisites (Debian 12):  apt-get install -y python3-torch libopenblas0-pthread
#   (without libopenblas0-pthread Debian's PyTorch falls back to a reference BLAS and is far too slow to mean anything)
# SerDarts: dotnet build SerDarts.sln -c Release
#
# Settings (environment): SIZE=64 BATCH=16 ORDERS="first second" THREADS=2 STEPS=5 ROUNDS=2 C=8 CELLS=4 NODES=4
# Peers per round: pytorch-ref (pt.darts style: NCHW, loss.backward() into all parameters, 'none' computed) and
# pytorch-opt (--lean --channels-last: the algorithmic and layout shortcuts SerDarts takes), so both ratios are visible.
set -euo pipefail
cd "$(dirname "$0")/../../.."
SIZE=${SIZE:-64} BATCH=${BATCH:-16} ORDERS=${ORDERS:-"first second"} THREADS=${THREADS:-2}
STEPS=${STEPS:-5} ROUNDS=${ROUNDS:-2} C=${C:-8} CELLS=${CELLS:-4} NODES=${NODES:-4}
PYTHON=${PYTHON:-/usr/bin/python3}
CLI=src/SerDarts.Cli/bin/Release/net10.0/SerDarts.Cli.dll
[ -f "$CLI" ] || { echo "build first: dotnet build SerDarts.sln -c Release" >&2; exit 1; }
"$PYTHON" -c "import torch" 2>/dev/null || { echo "$PYTHON has no torch: apt-get install -y python3-torch libopenblas0-pthread" >&2; exit 1; }

"$PYTHON" - <<'PY'
import time, torch
torch.set_num_threads(1)
a, b = torch.randn(512, 512), torch.randn(512, 512)
a @ b
t = time.perf_counter(); [a @ b for _ in range(20)]; dt = (time.perf_counter() - t) / 20
print(f"peer: torch {torch.__version__}, 1-thread 512x512 matmul {2 * 512**3 / dt / 1e9:.0f} GFLOPS (reference BLAS is ~6)")
PY

log=$(mktemp)
common=(--size "$SIZE" --batch "$BATCH" --init-channels "$C" --cells "$CELLS" --nodes "$NODES" --steps "$STEPS" --threads "$THREADS")
for order in $ORDERS; do
  for round in $(seq "$ROUNDS"); do
    echo "serdarts $(dotnet "$CLI" bench search "${common[@]}" --order "$order" 2>/dev/null | tail -n 1)" | tee -a "$log"
    echo "pytorch-ref $("$PYTHON" tests/benchmarks/search/peer_search.py "${common[@]}" --order "$order" | tail -n 1)" | tee -a "$log"
    echo "pytorch-opt $("$PYTHON" tests/benchmarks/search/peer_search.py "${common[@]}" --order "$order" --lean --channels-last | tail -n 1)" | tee -a "$log"
  done
done

"$PYTHON" - "$log" <<'PY'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    tool = line.split()[0]
    order = re.search(r"order=(\w+)", line).group(1)
    ms = float(re.search(r"ms_per_step=([\d.]+)\s*$", line).group(1))
    peak = float(re.search(r"peak_ws_mb=([\d.]+)", line).group(1))
    rows.setdefault((order, tool), []).append((ms, peak))
print("\norder   tool          median ms/step   peak MB   ratio serdarts/tool")
for order in sorted({o for o, _ in rows}):
    ours = statistics.median(ms for ms, _ in rows[(order, "serdarts")])
    for tool in ("serdarts", "pytorch-ref", "pytorch-opt"):
        if (order, tool) not in rows: continue
        ms = statistics.median(m for m, _ in rows[(order, tool)])
        peak = max(p for _, p in rows[(order, tool)])
        print(f"{order:7} {tool:13} {ms:14.0f} {peak:9.0f}   {ours / ms:.2f}")
PY
rm -f "$log"
