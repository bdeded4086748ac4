#!/usr/bin/env bash
# Levers for the networks on the unseen-voices corpus, measured on VALIDATION speakers only (docs/arch/darts.md,
# "Levers on validation speakers"): the small preset's CNN-LSTM (the fixed cell-free network; no search, so the
# cheapest network) with one change at a time: training-clip augmentation (speed 0.9/1.1 and pitch -3/+3 semitone
# copies), 40 training epochs instead of 20, learning rate 0.01 instead of 0.05. Prints per level and fold the
# validation UA at the selected epoch (the best validation UA; the test speakers are not read).
#   FOLDS: loso folds (default 0,4,8: sessions 1, 3 and 5 held out, validation speakers Ses01M, Ses03M, Ses05M,
#          fixed before any result was seen)   OUT: as data/model-table.sh (corpus in $OUT/unseen)   SERDARTS: the CLI
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-runs/model-table}; FOLDS=${FOLDS:-0,4,8}
serdarts() { if [ -n "${SERDARTS:-}" ]; then "$SERDARTS" "$@"; else dotnet run --no-build --project src/SerDarts.Cli -c Release -- "$@"; fi; }
[ -f "$OUT/unseen/manifest.csv" ] || python3 data/generate-sample.py --mode unseen --out "$OUT/unseen"
# The suite: the paper-models base with the CNN-LSTM network, one factor; factorsWin applies the levels after the preset.
serdarts ablate --suite paper-models --print-suite | python3 -c '
import json, sys
s = json.load(sys.stdin)
s.update(name="levers", description="CNN-LSTM levers on unseen voices", mode="one-at-a-time", factorsWin=True)
s["base"]["network"]["kind"] = "cnn-lstm"
s["factors"] = [{"name": "lever", "levels": [
    {"name": "base", "set": {}},
    {"name": "speed-pitch", "set": {"features": {"augmentation": {"speedFactors": [0.9, 1.1], "pitchSemitones": [-3, 3]}}}},
    {"name": "epochs-40", "set": {"training": {"epochs": 40}}},
    {"name": "lr-0.01", "set": {"training": {"learningRate": 0.01}}}]}]
json.dump(s, sys.stdout, indent=1)' > "$OUT/levers-suite.json"
serdarts ablate --suite "$OUT/levers-suite.json" --preset small --corpus iemocap --root "$(realpath "$OUT/unseen")" \
  --runs "$OUT/runs-unseen" --folds "$FOLDS"   # the table's store: its CNN-LSTM trials are the base level (same spec hash)
python3 - "$OUT/runs-unseen/results.db" "$FOLDS" <<'PY'
import sqlite3, sys, statistics as st
db = sqlite3.connect(sys.argv[1])
folds = {i for p in sys.argv[2].split(",") for i in range(int(p.split("-")[0]), int(p.split("-")[-1]) + 1)}
rows = db.execute("""select v.level, t.fold, max(e.validation_ua), count(e.epoch)
  from variants v join trials t on t.spec_hash = v.spec_hash join epochs e on e.trial_id = t.trial_id
  where v.suite like 'levers%' and t.status = 'completed' group by v.level, t.fold order by v.ordinal, t.fold""").fetchall()
levels = {}
for level, fold, ua, n in rows:
    if fold in folds:  # the base level's trials are the table's, on every fold
        levels.setdefault(level, []).append((fold, ua, n))
for level, fs in levels.items():
    print(f"{level:12s} mean validation UA {st.mean(u for _, u, _ in fs):.3f}  " + "  ".join(f"f{f}:{u:.3f} ({n} ep)" for f, u, n in fs))
PY
