#!/usr/bin/env bash
# Side-by-side feature-extraction throughput: torchaudio 0.13 (the peer, one file at a time) versus
# `serdarts bench features` (batched), on the same WAV folder, preset, feature kind and thread count.
#
# Installs nothing. Prerequisites (Debian 12, as root):
#   apt-get update && apt-get install -y python3-torchaudio libopenblas0-pthread
# Without libopenblas0-pthread Debian's PyTorch falls back to a reference BLAS ~35x slower and the peer
# looks weaker than it is; this script refuses to run in that case.
#
# Usage: tests/benchmarks/features/compare.sh DIR [--preset paper] [--kind mfcc] [--threads 2] [--rounds 3] [--seconds 5]
#        [--serdarts "extra bench options, e.g. --workers 1 --batch 16"]
# Both sides read every *.wav under DIR into memory first and time only the computation, after a warm-up.
# The machine may be shared: the two sides alternate for --rounds rounds; the script prints the median of the
# per-round ratios (each round measures both sides back to back), the ratio of medians and of best rounds.
set -euo pipefail

usage() { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[ $# -ge 1 ] || usage
dir=$1; shift
preset=paper kind=mfcc threads=2 rounds=3 seconds=5 extra=""
while [ $# -gt 0 ]; do
  case $1 in
    --preset) preset=$2; shift 2 ;; --kind) kind=$2; shift 2 ;; --threads) threads=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;; --seconds) seconds=$2; shift 2 ;; --serdarts) extra=$2; shift 2 ;; *) usage ;;
  esac
done

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
python=/usr/bin/python3 # Debian's interpreter, where python3-torchaudio lives

"$python" -c "import torchaudio" 2>/dev/null || { echo "python3-torchaudio is missing: apt-get install -y python3-torchaudio" >&2; exit 1; }
blas=$(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 || true)
case $blas in
  *openblas*) ;;
  *) echo "libblas.so.3 -> ${blas:-nothing}: install libopenblas0-pthread so the peer is not handicapped" >&2; exit 1 ;;
esac

cli="$repo/src/SerDarts.Cli/bin/Release/net10.0/SerDarts.Cli"
dotnet build "$repo/src/SerDarts.Cli/SerDarts.Cli.csproj" -c Release -v q -nologo >/dev/null

rate() { sed -nE 's/.*audio_s_per_s=([0-9.]+).*/\1/p' <<< "$1"; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "folder=$dir preset=$preset kind=$kind threads=$threads rounds=$rounds blas=$blas"
peer_rates=() ours_rates=() ratios=()
for round in $(seq 1 "$rounds"); do
  # Debian's torch does not know its BLAS is OpenBLAS, so torch.set_num_threads does not reach it: cap it too.
  peer=$(OMP_NUM_THREADS=$threads OPENBLAS_NUM_THREADS=$threads "$python" "$here/torchaudio_peer.py" --root "$dir" --preset "$preset" --kind "$kind" \
         --threads "$threads" --seconds "$seconds")
  # shellcheck disable=SC2086 # $extra is a list of options
  ours=$("$cli" bench features --root "$dir" --front-end "$preset" --kind "$kind" --threads "$threads" --seconds "$seconds" $extra)
  echo "round $round: $peer"
  echo "round $round: $ours"
  peer_rates+=("$(rate "$peer")"); ours_rates+=("$(rate "$ours")")
  ratios+=("$(awk -v p="$(rate "$peer")" -v o="$(rate "$ours")" 'BEGIN { printf "%.3f", o / p }')")
done
p=$(median "${peer_rates[@]}"); o=$(median "${ours_rates[@]}")
pb=$(printf '%s\n' "${peer_rates[@]}" | sort -g | tail -n 1); ob=$(printf '%s\n' "${ours_rates[@]}" | sort -g | tail -n 1)
awk -v p="$p" -v o="$o" 'BEGIN { printf "median torchaudio_audio_s_per_s=%.1f serdarts_audio_s_per_s=%.1f ratio=%.2f\n", p, o, o / p }'
awk -v p="$pb" -v o="$ob" 'BEGIN { printf "best   torchaudio_audio_s_per_s=%.1f serdarts_audio_s_per_s=%.1f ratio=%.2f\n", p, o, o / p }'
echo "round ratios: ${ratios[*]}"
echo "median_round_ratio=$(median "${ratios[@]}")"
