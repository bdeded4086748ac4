#!/usr/bin/python3
"""The torchaudio reference features of SerDarts' feature-parity tests (torchaudio/ beside this script).

Pinned generator: torchaudio 0.13.1 on PyTorch 1.13 (Debian 12's python3-torchaudio and python3-torch), float64.
Run from this folder:  apt-get install python3-torchaudio && /usr/bin/python3 make_torchaudio_fixtures.py
Inputs: torchaudio/{chirp,speech,noise}.wav (16 kHz mono PCM16, read as sample / 32768) and the two settings
sets and the cases listed in torchaudio/params.json. Outputs: one gzip'd CSV per case, one line per row
(frequency bin, mel band or coefficient), comma-separated frames, 9 significant digits (%.9g), written with a
fixed gzip header (mtime 0) so that a rerun gives the same bytes when torchaudio gives the same numbers.
  power_spectrogram = |STFT|^2, periodic Hann window
  log_mel_db        = 10 log10(max(mel, 1e-10)), clipped at (max - top_db) over the whole clip
  mfcc              = orthonormal DCT-II of log_mel_db over the mel axis, first n_mfcc rows
History: these replace a set made with the same settings and torchaudio version that the project once kept outside
the repository; the two agree within 5.9e-6 relative (Frobenius) on every case, far inside the tests' 1e-4.
"""
import gzip
import json
import pathlib

import torch
import torchaudio

torch.set_default_dtype(torch.float64)
FOLDER = pathlib.Path(__file__).resolve().parent / "torchaudio"
PINNED = "0.13.1"


def load(name):
    wave, rate = torchaudio.load(str(FOLDER / name))
    assert rate == 16000, f"{name}: {rate} Hz"
    return wave[0].to(torch.float64)


def spectrogram(s):
    return torchaudio.transforms.Spectrogram(
        n_fft=s["n_fft"], win_length=s["win_length"], hop_length=s["hop_length"], power=s["power"],
        center=s["center"], pad_mode=s["pad_mode"], window_fn=torch.hann_window)


def mel(s):
    return torchaudio.transforms.MelSpectrogram(
        sample_rate=s["sample_rate"], n_fft=s["n_fft"], win_length=s["win_length"], hop_length=s["hop_length"],
        f_min=s["f_min"], f_max=s["f_max"], n_mels=s["n_mels"], power=s["power"], center=s["center"],
        pad_mode=s["pad_mode"], norm=s["mel_norm"], mel_scale=s["mel_scale"], window_fn=torch.hann_window)


def log_mel_db(wave, s):
    db = torchaudio.transforms.AmplitudeToDB(stype="power", top_db=s["top_db"])
    return db(mel(s)(wave))


def mfcc(wave, s):
    bands = log_mel_db(wave, s)
    dct = torchaudio.functional.create_dct(s["n_mfcc"], s["n_mels"], s["dct_norm"])  # (n_mels, n_mfcc)
    return (bands.transpose(0, 1) @ dct).transpose(0, 1)


FEATURES = {"power_spectrogram": lambda w, s: spectrogram(s)(w), "log_mel_db": log_mel_db, "mfcc": mfcc}


def write(path, matrix):
    text = "".join(",".join(format(float(v), ".9g") for v in row) + "\n" for row in matrix.tolist())
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as out:
        out.write(text.encode("ascii"))


def main():
    if torchaudio.__version__.split("+")[0] != PINNED:
        raise SystemExit(f"torchaudio {torchaudio.__version__}: the fixtures are pinned to {PINNED}")
    params = json.loads((FOLDER / "params.json").read_text())
    for case in params["cases"]:
        settings = params["sets"][case["set"]]
        matrix = FEATURES[case["feature"]](load(case["wav"]), settings)
        assert list(matrix.shape) == case["shape"], (case["file"], list(matrix.shape))
        write(FOLDER / case["file"], matrix)
        print(case["file"], list(matrix.shape))


if __name__ == "__main__":
    main()
