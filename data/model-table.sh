#!/usr/bin/env bash
# The model comparison of docs/arch/darts.md ("Both corpora"): DARTS CNN-LSTM, random-cell, CNN, CNN-LSTM and the
# linear baseline, small preset, on data/sample and on the unseen-voices corpus (generate-sample.py --mode unseen).
#   LINEAR_FOLDS: folds of the linear model (cheap: seconds a fold)      default: every fold (sample 0-7, unseen 0-9)
#   NET_FOLDS:    folds of the networks (a search + 4 trainings a fold)  default: every fold
#   OUT:          where the corpus, runs and stores go                   default: runs/model-table
# Then: serdarts results --store $OUT/runs-<corpus>/results.db --format markdown (per-speaker means, CIs, paired tests).
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-runs/model-table}
mkdir -p "$OUT"
serdarts() { dotnet run --no-build --project src/SerDarts.Cli -c Release -- "$@"; }
[ -f "$OUT/unseen/manifest.csv" ] || python3 data/generate-sample.py --mode unseen --out "$OUT/unseen"
for corpus in sample unseen; do
  if [ "$corpus" = sample ]; then corpus_json='{"name":"sample"}'; args=();
  else corpus_json="{\"name\":\"iemocap\",\"root\":\"$(realpath "$OUT/unseen")\"}"; args=(--corpus iemocap --root "$(realpath "$OUT/unseen")"); fi
  ALL=$([ "$corpus" = sample ] && echo 0-7 || echo 0-9)  # loso, both orientations of each session
  # The linear level alone first (same spec hash as the suite's linear variant, so ablate skips it later).
  echo "{\"name\":\"linear\",\"corpus\":$corpus_json,\"network\":{\"kind\":\"linear\"}}" > "$OUT/linear-$corpus.json"
  serdarts run --spec "$OUT/linear-$corpus.json" --preset small --runs "$OUT/runs-$corpus" --folds "${LINEAR_FOLDS:-$ALL}"
  serdarts ablate --suite paper-models --preset small "${args[@]}" --runs "$OUT/runs-$corpus" --folds "${NET_FOLDS:-$ALL}"
done
