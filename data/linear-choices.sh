#!/usr/bin/env bash
# Measures the linear baseline's choices on VALIDATION speakers only (docs/arch/darts.md, "The linear baseline"):
# each functional set x every fold, one fit per L2 strength of a wide grid; prints per set and strength the mean
# validation UA over folds, and the mean validation UA of the strength each fold's selection picks.
#   CORPUS=sample | unseen (the corpus of generate-sample.py --mode unseen in $OUT/unseen)   OUT default runs/model-table
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-runs/model-table}; CORPUS=${CORPUS:-sample}
GRID=${GRID:-[100,10,1,0.1,0.01,0.001]}
serdarts() { dotnet run --no-build --project src/SerDarts.Cli -c Release -- "$@"; }
if [ "$CORPUS" = sample ]; then args=(); folds=$(seq 0 7); else args=(--dataset iemocap --root "$(realpath "$OUT/unseen")"); folds=$(seq 0 9); fi
for set in '["mean","std"]' '["mean","std","duration"]' '["mean","std","percentiles"]' '["mean","std","slope"]' \
           '["mean","std","percentiles","slope","duration"]'; do
  for fold in $folds; do
    dir="$OUT/choices-$CORPUS/$(echo "$set" | tr -d '[]"' | tr ',' '-')/fold$fold"
    [ -f "$dir/metrics.json" ] || serdarts train --model linear --preset small --fold "$fold" "${args[@]}" --out "$dir" \
      --set "network.linear.functionals=$set" --set "network.linear.l2Grid=$GRID" > /dev/null 2>&1
  done
done
python3 - "$OUT/choices-$CORPUS" <<'PY'
import json, pathlib, sys, statistics as st
root = pathlib.Path(sys.argv[1])
for s in sorted(p for p in root.iterdir() if p.is_dir()):
    runs = [json.loads(m.read_text()) for m in sorted(s.glob("fold*/metrics.json"))]
    grid = [e["learningRate"] for e in runs[0]["epochs"]]
    per = [st.mean(r["epochs"][i]["validationUnweightedAccuracy"] for r in runs) for i in range(len(grid))]
    chosen = st.mean(r["bestValidation"]["unweightedAccuracy"] for r in runs)
    picks = [grid[r["bestEpoch"] - 1] for r in runs]
    print(f"{s.name:34s} folds {len(runs)}  selected-val-UA {chosen:.3f}  per L2 " +
          " ".join(f"{g:g}:{u:.3f}" for g, u in zip(grid, per)) + f"  picks {picks}")
PY
