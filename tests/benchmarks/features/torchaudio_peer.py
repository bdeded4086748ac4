#!/usr/bin/python3
"""torchaudio peer for `serdarts bench features`: the same preset on the same WAVs, one file at a time.

Reads every *.wav under ROOT (sorted, recursive) into memory first, then times only the feature computation,
as the SerDarts bench does: one warm-up pass, then whole passes until at least --seconds have elapsed.
Prints one line ending in audio_s_per_s=<number>.
Needs Debian's python3-torchaudio (0.13) and libopenblas0-pthread (run with /usr/bin/python3).
"""
import argparse
import pathlib
import time

import torch
import torchaudio

PRESETS = {
    "paper": dict(sample_rate=16000, n_fft=2048, win_length=2048, hop_length=512, n_mels=128, n_mfcc=128,
                  f_min=0.0, f_max=8000.0, pad_mode="constant", mel_scale="slaney", norm="slaney"),
    "speech": dict(sample_rate=16000, n_fft=512, win_length=400, hop_length=160, n_mels=64, n_mfcc=40,
                   f_min=20.0, f_max=7600.0, pad_mode="reflect", mel_scale="htk", norm=None),
}


def transform(preset: str, kind: str):
    p = PRESETS[preset]
    mel_kwargs = dict(n_fft=p["n_fft"], win_length=p["win_length"], hop_length=p["hop_length"], f_min=p["f_min"],
                      f_max=p["f_max"], n_mels=p["n_mels"], power=2.0, center=True, pad_mode=p["pad_mode"],
                      norm=p["norm"], mel_scale=p["mel_scale"])
    if kind == "mfcc":
        return torchaudio.transforms.MFCC(sample_rate=p["sample_rate"], n_mfcc=p["n_mfcc"], dct_type=2, norm="ortho",
                                          log_mels=False, melkwargs=mel_kwargs)
    if kind == "logmel":
        return torch.nn.Sequential(
            torchaudio.transforms.MelSpectrogram(sample_rate=p["sample_rate"], **mel_kwargs),
            torchaudio.transforms.AmplitudeToDB("power", top_db=80.0))
    return torchaudio.transforms.Spectrogram(n_fft=p["n_fft"], win_length=p["win_length"], hop_length=p["hop_length"],
                                             power=2.0, center=True, pad_mode=p["pad_mode"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--preset", default="paper", choices=sorted(PRESETS))
    ap.add_argument("--kind", default="mfcc", choices=["mfcc", "logmel", "spectrogram"])
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seconds", type=float, default=5.0)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    files = sorted(pathlib.Path(a.root).rglob("*.wav"))
    if not files:
        raise SystemExit(f"{a.root}: no .wav files")
    clips = []
    for f in files:
        wave, rate = torchaudio.load(str(f))
        if rate != PRESETS[a.preset]["sample_rate"]:
            raise SystemExit(f"{f}: {rate} Hz, the preset needs {PRESETS[a.preset]['sample_rate']} Hz")
        clips.append(wave.mean(0))
    audio_s = sum(c.numel() for c in clips) / PRESETS[a.preset]["sample_rate"]
    t = transform(a.preset, a.kind)

    def one_pass():
        with torch.inference_mode():
            for c in clips:
                t(c)

    one_pass()  # warm-up
    passes, start, cpu_start = 0, time.perf_counter(), time.process_time()
    while passes == 0 or time.perf_counter() - start < a.seconds:
        one_pass()
        passes += 1
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    print(f"peer=torchaudio-{torchaudio.__version__} torch={torch.__version__} preset={a.preset} kind={a.kind} "
          f"threads={torch.get_num_threads()} files={len(clips)} audio_s={audio_s:.1f} passes={passes} "
          f"elapsed_s={elapsed:.2f} audio_s_per_cpu_s={audio_s * passes / cpu:.1f} "
          f"audio_s_per_s={audio_s * passes / elapsed:.1f}")


if __name__ == "__main__":
    main()
