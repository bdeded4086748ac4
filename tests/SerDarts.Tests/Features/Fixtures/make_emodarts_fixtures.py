#!/usr/bin/python3
"""Reference grids for FeatureSpec.Emodarts: jayaneetha/emoDARTS' MFCC input, computed independently.

Run from this folder:  /usr/bin/python3 make_emodarts_fixtures.py
Needs Debian 12's python3-scipy and python3-resampy (0.4.2, the version the authors pin). Debian 12 has no
python3-librosa, and this machine reaches no Python registry, so the steps of the authors'
prepare-dataset/audio_utils.py (mfcc_from_audio_file) are written out here in numpy, after librosa 0.9.2's
source (the version the authors pin; tag 0.9.2 of librosa/librosa):
  librosa.load(path, sr=32750)   resampy.resample(y, sr_in, 32750, filter="kaiser_best"), then cut or
                                 zero-padded to ceil(n * ratio) samples, as float32
  split_audio(wav, sr, 8)        the first 8 s (262 000 samples), or the clip zero-padded at the end to 8 s
  librosa.feature.mfcc(y, sr, n_mfcc=128)
      stft: centred frames, n_fft // 2 zeros on each side (0.9.2's default pad_mode "constant"), periodic
            Hann window (scipy get_window("hann", 2048, fftbins=True)), hop 512 -> 512 frames; power 2
      mel:  128 Slaney-scale bands over 0 Hz .. sr / 2 with Slaney area normalisation (librosa.filters.mel)
      dB:   10 log10(max(1e-10, S)) with ref 1, then max(., max - 80) over the whole 8 s matrix
      dct:  scipy.fftpack.dct(type 2, norm "ortho") over bands, first 128 coefficients
  downsample_with_max_pooling(mfcc, (1, 4))   max over each 4 consecutive frames -> 128 x 128
Everything is float64 here; librosa keeps its mel weights in float32 and the authors' STFT of cropped clips
runs in complex64: differences of order 1e-7 relative.

Inputs are synthetic so that the C# test can make the same samples (EmodartsFeatureTests.Synthetic):
a gliding 12-harmonic tone with a slow envelope, LCG noise, and quiet gaps (so top_db clipping acts).
Outputs (CSV, 128 rows of 128 frames):
  grid.emodarts.short_mfcc.csv    3 s at 32 750 Hz (zero-padded to 8 s)
  grid.emodarts.long_mfcc.csv     9 s at 32 750 Hz (cut to 8 s)
  grid.emodarts.long_logmel.csv   the log-mel bands of the same window, pooled the same way (SerDarts' ablation)
  grid.emodarts.resampled_mfcc.csv  3 s made at 16 kHz, resampled by resampy kaiser_best as librosa.load does
"""
import pathlib

import numpy as np
import resampy
import scipy
import scipy.fftpack
import scipy.signal

HERE = pathlib.Path(__file__).resolve().parent
SR, N_FFT, HOP, N_MELS, N_MFCC, SECONDS, TOP_DB = 32750, 2048, 512, 128, 128, 8, 80.0


def synthetic(seconds, sr):
    n = np.arange(int(round(seconds * sr)))
    t = n / sr
    phase = 2 * np.pi * (140 * t - 30 / (2 * np.pi * 0.7) * np.cos(2 * np.pi * 0.7 * t))
    voiced = np.zeros_like(t)
    for k in range(1, 13):
        voiced = voiced + (0.5 / k) * np.sin(k * phase)
    envelope = 0.5 - 0.5 * np.cos(2 * np.pi * t / 1.5)
    gate = np.where(np.floor(t / 0.75) % 4 == 3, 0.001, 1.0)
    noise = np.empty(len(n))
    state = 12345
    for i in range(len(n)):
        state = (1103515245 * state + 12345) % (1 << 31)
        noise[i] = state / (1 << 31) * 2 - 1
    return ((0.3 * envelope * voiced + 0.02 * noise) * gate).astype(np.float32)


def hz_to_mel(f):
    f = np.asarray(f, dtype=float)
    f_sp, min_log_hz = 200.0 / 3, 1000.0
    min_log_mel, logstep = min_log_hz / f_sp, np.log(6.4) / 27.0
    return np.where(f >= min_log_hz, min_log_mel + np.log(np.maximum(f, 1e-300) / min_log_hz) / logstep, f / f_sp)


def mel_to_hz(m):
    m = np.asarray(m, dtype=float)
    f_sp, min_log_hz = 200.0 / 3, 1000.0
    min_log_mel, logstep = min_log_hz / f_sp, np.log(6.4) / 27.0
    return np.where(m >= min_log_mel, min_log_hz * np.exp(logstep * (m - min_log_mel)), f_sp * m)


def mel_filterbank():
    fftfreqs = np.linspace(0, SR / 2, 1 + N_FFT // 2)
    mel_f = mel_to_hz(np.linspace(hz_to_mel(0.0), hz_to_mel(SR / 2), N_MELS + 2))
    fdiff = np.diff(mel_f)
    ramps = np.subtract.outer(mel_f, fftfreqs)
    weights = np.zeros((N_MELS, len(fftfreqs)))
    for i in range(N_MELS):
        weights[i] = np.maximum(0, np.minimum(-ramps[i] / fdiff[i], ramps[i + 2] / fdiff[i + 1]))
    return weights * (2.0 / (mel_f[2:N_MELS + 2] - mel_f[:N_MELS]))[:, None]


def first_segment(y):
    length = SECONDS * SR
    return y[:length].astype(float) if len(y) > length else np.concatenate([y.astype(float), np.zeros(length - len(y))])


def log_mel(y):
    padded = np.pad(y, N_FFT // 2, mode="constant")
    count = 1 + (len(padded) - N_FFT) // HOP
    frames = np.stack([padded[i * HOP:i * HOP + N_FFT] for i in range(count)], axis=1)
    window = scipy.signal.get_window("hann", N_FFT, fftbins=True)
    power = np.abs(np.fft.rfft(frames * window[:, None], axis=0)) ** 2
    db = 10.0 * np.log10(np.maximum(1e-10, mel_filterbank() @ power))
    return np.maximum(db, db.max() - TOP_DB)


def mfcc(y):
    return scipy.fftpack.dct(log_mel(y), axis=0, type=2, norm="ortho")[:N_MFCC]


def pool(m, factor=4):
    out = m[:, 0::factor].copy()
    for offset in range(1, factor):
        np.maximum(out, m[:, offset::factor], out)
    return out


def load_like_librosa(y, sr_in):
    n_out = int(np.ceil(len(y) * SR / sr_in))
    y_hat = resampy.resample(y, sr_in, SR, filter="kaiser_best", axis=-1)
    y_hat = y_hat[:n_out] if len(y_hat) >= n_out else np.pad(y_hat, (0, n_out - len(y_hat)))
    return y_hat.astype(np.float32)


def write(name, matrix):
    assert matrix.shape == (128, 128), matrix.shape
    (HERE / name).write_text("\n".join(",".join("%.7g" % v for v in row) for row in matrix) + "\n")


def main():
    short, long = synthetic(3, SR), synthetic(9, SR)
    write("grid.emodarts.short_mfcc.csv", pool(mfcc(first_segment(short))))
    write("grid.emodarts.long_mfcc.csv", pool(mfcc(first_segment(long))))
    write("grid.emodarts.long_logmel.csv", pool(log_mel(first_segment(long))))
    write("grid.emodarts.resampled_mfcc.csv", pool(mfcc(first_segment(load_like_librosa(synthetic(3, 16000), 16000)))))
    print("scipy", scipy.__version__, "resampy", resampy.__version__, "->", sorted(p.name for p in HERE.glob("grid.emodarts.*")))


if __name__ == "__main__":
    main()
