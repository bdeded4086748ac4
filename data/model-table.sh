#!/usr/bin/env bash
# The model comparison of docs/arch/darts.md ("Both corpora"): DARTS CNN-LSTM, random-cell, CNN, CNN-LSTM and the
# linear baseline, small preset, seed 0, on data/sample and on the unseen-voices corpus (generate-sample.py --mode unseen).
#   LINEAR_FOLDS: folds of the linear model (cheap: seconds a fold)      default: every fold (sample 0-7, unseen 0-9)
#   FIXED_FOLDS:  folds of the fixed CNN and CNN-LSTM (no search: a minute a fold)   default: every fold
#   NET_FOLDS:    folds of the whole suite (a search + 4 trainings a fold)  default: every fold
#   OUT:          where the corpus, runs and stores go                   default: runs/model-table
#   SERDARTS:     the CLI to run (e.g. src/SerDarts.Cli/bin/Release/net10.0/SerDarts.Cli)   default: dotnet run --no-build
# The networks go fold by fold, alternating the corpora, one trial at a time: the suite orders its trials variant by
# variant, so one `ablate --folds 0-9` stopped early would leave whole folds without some models (no paired test).
# Killed and restarted, it skips the trials already in the stores.
# Then: data/model-table.py <serdarts binary> $OUT renders the docs' table (per-speaker UA, and serdarts results' means,
# CIs and paired tests over the folds where every model finished); serdarts results --store $OUT/runs-<corpus>/results.db
# --suite paper-models@small shows everything in a store.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-runs/model-table}
mkdir -p "$OUT"
serdarts() { if [ -n "${SERDARTS:-}" ]; then "$SERDARTS" "$@"; else dotnet run --no-build --project src/SerDarts.Cli -c Release -- "$@"; fi; }
[ -f "$OUT/unseen/manifest.csv" ] || python3 data/generate-sample.py --mode unseen --out "$OUT/unseen"
corpus_args() {  # ablate's corpus options, and the linear spec's corpus object
  if [ "$1" = sample ]; then args=(); corpus_json='{"name":"sample"}';
  else args=(--corpus iemocap --root "$(realpath "$OUT/unseen")"); corpus_json="{\"name\":\"iemocap\",\"root\":\"$(realpath "$OUT/unseen")\"}"; fi
}
all_folds() { [ "$1" = sample ] && echo 0-7 || echo 0-9; }  # loso, both orientations of each session
expand() { python3 -c "import sys; print(' '.join(str(i) for p in sys.argv[1].split(',') for i in (range(int(p.split('-')[0]), int(p.split('-')[-1]) + 1))))" "$1"; }
# The linear level alone first (same spec hash as the suite's linear variant, so ablate skips it later).
for corpus in sample unseen; do
  corpus_args "$corpus"
  echo "{\"name\":\"linear\",\"corpus\":$corpus_json,\"network\":{\"kind\":\"linear\"}}" > "$OUT/linear-$corpus.json"
  serdarts run --spec "$OUT/linear-$corpus.json" --preset small --runs "$OUT/runs-$corpus" --folds "${LINEAR_FOLDS:-$(all_folds "$corpus")}"
done
# The fixed networks next (the suite's cnn and cnn-lstm levels alone: same spec hashes, so ablate skips them later).
serdarts ablate --suite paper-models --print-suite | python3 -c '
import json, sys
s = json.load(sys.stdin)
s.update(name="paper-models-fixed", description="The paper-models suite without its search: the fixed CNN and CNN-LSTM")
s["factors"][0]["levels"] = [l for l in s["factors"][0]["levels"] if l["name"] in ("cnn", "cnn-lstm")]
json.dump(s, sys.stdout, indent=1)' > "$OUT/fixed-suite.json"
for corpus in unseen sample; do
  corpus_args "$corpus"
  serdarts ablate --suite "$OUT/fixed-suite.json" --preset small "${args[@]}" --runs "$OUT/runs-$corpus" --folds "${FIXED_FOLDS:-$(all_folds "$corpus")}"
done
for fold in $(expand "${NET_FOLDS:-0-9}"); do
  for corpus in unseen sample; do
    [ "$corpus" = sample ] && [ "$fold" -gt 7 ] && continue  # the sample has 4 sessions: folds 0-7
    corpus_args "$corpus"
    echo "== $(date -u +%H:%M:%S) $corpus fold $fold"
    serdarts ablate --suite paper-models --preset small "${args[@]}" --runs "$OUT/runs-$corpus" --folds "$fold"
  done
done
