#!/usr/bin/python3
"""Reference grids and deltas for SerDarts' feature tests, computed independently with torchaudio 0.13 (float64).

Run from this folder with Debian's python3-torchaudio:  /usr/bin/python3 make_fixtures.py
Inputs are the torchaudio fixtures' WAVs in torchaudio/ beside this script (make_torchaudio_fixtures.py).
Outputs (CSV, one line per row, comma-separated frames):
  grid.<clip>.<spec>.csv  the network grid of FeatureSpec's documented rule:
                          crop to the first (W - 1) * hop samples or zero-pad the end, paper-preset features,
                          MFCC: first R coefficients; log-mel: max over groups of BandPool bands;
                          then non-overlapping max over TimePool frames.
"""
import pathlib

import torch
import torchaudio

torch.set_default_dtype(torch.float64)
HERE = pathlib.Path(__file__).resolve().parent
SHARED = HERE / "torchaudio"
MEL = dict(n_fft=2048, win_length=2048, hop_length=512, f_min=0.0, f_max=8000.0, n_mels=128, power=2.0,
           center=True, pad_mode="constant", norm="slaney", mel_scale="slaney")
HOP = 512


def load(name):
    wave, rate = torchaudio.load(str(SHARED / name))
    assert rate == 16000
    return wave[0].to(torch.float64)


def clips():
    speech, chirp, noise = load("speech.wav"), load("chirp.wav"), load("noise.wav")
    # "long": longer than the paper window (65024 samples), so the rule crops it.
    return {"speech": speech, "long": torch.cat([chirp, speech, noise, speech, chirp])}


def features(wave, kind):
    if kind == "mfcc":
        t = torchaudio.transforms.MFCC(sample_rate=16000, n_mfcc=128, dct_type=2, norm="ortho", log_mels=False,
                                       melkwargs=MEL)
        return t(wave)
    mel = torchaudio.transforms.MelSpectrogram(sample_rate=16000, **MEL)(wave)
    return torchaudio.transforms.AmplitudeToDB("power", top_db=80.0)(mel)


def grid(wave, kind, rows, frames, time_pool, band_pool):
    window_frames = frames * time_pool
    samples = (window_frames - 1) * HOP
    w = torch.zeros(samples)
    n = min(samples, wave.numel())
    w[:n] = wave[:n]
    f = features(w, kind)
    assert f.shape[1] == window_frames, f.shape
    if kind == "mfcc":
        f = f[:rows]
    elif band_pool > 1:
        f = torch.nn.functional.max_pool2d(f[None, None], (band_pool, 1))[0, 0]
    if time_pool > 1:
        f = torch.nn.functional.max_pool2d(f[None, None], (1, time_pool))[0, 0]
    assert f.shape == (rows, frames), f.shape
    return f


def write(name, matrix):
    lines = [",".join("%.9g" % float(v) for v in row) for row in matrix]
    (HERE / name).write_text("\n".join(lines) + "\n")


def main():
    specs = {"paper_mfcc": ("mfcc", 128, 128, 1, 1), "paper_logmel": ("logmel", 128, 128, 1, 1),
             "small_mfcc": ("mfcc", 64, 64, 2, 1), "small_logmel": ("logmel", 64, 64, 2, 2)}
    for clip_name, wave in clips().items():
        for spec_name, args in specs.items():
            write(f"grid.{clip_name}.{spec_name}.csv", grid(wave, *args))
    print("torchaudio", torchaudio.__version__, "->", sorted(p.name for p in HERE.glob("*.csv")))


if __name__ == "__main__":
    main()
