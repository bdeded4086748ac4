#!/usr/bin/env bash
# What execution.reproducibility=portable (AVX2 kernels everywhere) costs against native (this CPU's fastest):
# the same stages run in interleaved rounds, portable then native, on one quiet machine. Prints each stage's
# median wall time per mode and the ratio portable / native, and the kernels each mode ran with.
#
# SerDarts: dotnet build SerDarts.sln -c Release.   Settings (environment): ROUNDS=3 PRESET=small THREADS=2
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROUNDS=${ROUNDS:-3} PRESET=${PRESET:-small} THREADS=${THREADS:-2}
CLI=src/SerDarts.Cli/bin/Release/net10.0/SerDarts.Cli
[ -x "$CLI" ] || { echo "build first: dotnet build SerDarts.sln -c Release" >&2; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export SERDARTS_CACHE="$work/cache" # one feature cache for every run: the first run fills it (warm-up below)

# stage name, then the serdarts arguments (one training epoch budget is set by the preset)
stages=("search|search --preset $PRESET --set search.epochs=1 --set search.warmupEpochs=0"
        "train-cnn-lstm|train --model cnn-lstm --preset $PRESET --set training.epochs=30")
for mode in portable native; do
  "$CLI" doctor --reproducibility "$mode" --json | grep -E '"cpu_capability"' | sed "s/^ */$mode: /"
done
"$CLI" train --model cnn --preset smoke --threads "$THREADS" --out "$work/warmup" >/dev/null # fills the feature cache

declare -A times
for round in $(seq 1 "$ROUNDS"); do
  for entry in "${stages[@]}"; do
    name=${entry%%|*} args=${entry#*|}
    for mode in portable native; do
      start=$(date +%s.%N)
      # shellcheck disable=SC2086
      "$CLI" $args --threads "$THREADS" --set execution.reproducibility=$mode --out "$work/$name-$mode-$round" >/dev/null
      end=$(date +%s.%N)
      times[$name-$mode]+="$(awk "BEGIN {print $end - $start}") "
    done
  done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for entry in "${stages[@]}"; do
  name=${entry%%|*}
  p=$(echo "${times[$name-portable]}" | median); n=$(echo "${times[$name-native]}" | median)
  printf '%s: portable %.1f s, native %.1f s, portable/native %.2f (median of %d rounds)\n' "$name" "$p" "$n" "$(awk "BEGIN {print $p / $n}")" "$ROUNDS"
done
