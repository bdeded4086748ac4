#!/usr/bin/env python3
"""Check that the sample corpus is learnable but not trivial (needs python3-numpy).

Per clip: 13 MFCCs + log energy (25 ms frames, 10 ms hop, 40 mel bands), summarised by their mean and
standard deviation over frames. Leave-one-session-out on the 4-class clips listed in data/sample/manifest.csv:
train on 3 sessions, test on the 4th, with a nearest-centroid and a softmax (logistic) classifier on
standardised features. Prints the unweighted accuracy (UA, mean per-class recall) of every fold.

    python3 data/check-learnability.py [--root data/sample]
"""
import argparse
import csv
import os
import wave

import numpy as np

CLASSES = ["neutral", "happy", "sad", "angry"]


def read_wav(path):
    with wave.open(path, "rb") as w:
        return np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float64) / 32768, w.getframerate()


def mel_filterbank(n_mels, n_fft, rate):
    mel = lambda f: 2595 * np.log10(1 + f / 700)
    hz = lambda m: 700 * (10 ** (m / 2595) - 1)
    edges = hz(np.linspace(mel(0), mel(rate / 2), n_mels + 2))
    bins = np.fft.rfftfreq(n_fft, 1 / rate)
    fb = np.zeros((n_mels, len(bins)))
    for m in range(n_mels):
        lo, mid, hi = edges[m], edges[m + 1], edges[m + 2]
        fb[m] = np.clip(np.minimum((bins - lo) / (mid - lo), (hi - bins) / (hi - mid)), 0, None)
    return fb


def features(x, rate, n_fft=512, n_mels=40, n_mfcc=13):
    frame, hop = int(0.025 * rate), int(0.010 * rate)
    n = 1 + (len(x) - frame) // hop
    frames = np.stack([x[i * hop: i * hop + frame] for i in range(n)]) * np.hamming(frame)
    power = np.abs(np.fft.rfft(frames, n_fft)) ** 2
    logmel = np.log(power @ mel_filterbank(n_mels, n_fft, rate).T + 1e-10)
    k = np.arange(n_mels)
    dct = np.cos(np.pi / n_mels * (k[None, :] + 0.5) * np.arange(n_mfcc)[:, None])
    mfcc = logmel @ dct.T
    energy = np.log(power.sum(axis=1) + 1e-10)[:, None]
    per_frame = np.hstack([mfcc, energy])
    return np.concatenate([per_frame.mean(axis=0), per_frame.std(axis=0)])


def unweighted_accuracy(y_true, y_pred):
    return np.mean([np.mean(y_pred[y_true == c] == c) for c in np.unique(y_true)])


def nearest_centroid(xtr, ytr, xte):
    centroids = np.stack([xtr[ytr == c].mean(axis=0) for c in range(len(CLASSES))])
    return np.argmin(((xte[:, None, :] - centroids[None]) ** 2).sum(axis=2), axis=1)


def softmax_regression(xtr, ytr, xte, l2=1e-2, steps=2000, lr=0.1):
    w = np.zeros((xtr.shape[1] + 1, len(CLASSES)))
    xb = np.hstack([xtr, np.ones((len(xtr), 1))])
    onehot = np.eye(len(CLASSES))[ytr]
    for _ in range(steps):
        z = xb @ w
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        w -= lr * (xb.T @ (p - onehot) / len(xb) + l2 * w)
    return np.argmax(np.hstack([xte, np.ones((len(xte), 1))]) @ w, axis=1)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", default=os.path.join(here, "sample"))
    root = parser.parse_args().root
    with open(os.path.join(root, "manifest.csv")) as f:
        rows = [r for r in csv.DictReader(f) if r["emotion"] in CLASSES]
    x = np.stack([features(*read_wav(os.path.join(root, r["path"]))) for r in rows])
    y = np.array([CLASSES.index(r["emotion"]) for r in rows])
    sessions = np.array([r["session"] for r in rows])
    print("%d clips, %d features, chance UA 0.25" % x.shape)
    results = {"nearest centroid": [], "softmax regression": []}
    confusion = np.zeros((len(CLASSES), len(CLASSES)), dtype=int)
    for held_out in sorted(set(sessions)):
        train, test = sessions != held_out, sessions == held_out
        mu, sd = x[train].mean(axis=0), x[train].std(axis=0) + 1e-9
        xtr, xte = (x[train] - mu) / sd, (x[test] - mu) / sd
        for name, classify in (("nearest centroid", nearest_centroid), ("softmax regression", softmax_regression)):
            predicted = classify(xtr, y[train], xte)
            ua = unweighted_accuracy(y[test], predicted)
            if name == "softmax regression":
                np.add.at(confusion, (y[test], predicted), 1)
            results[name].append(ua)
            print("test %s  %-18s UA %.3f" % (held_out, name, ua))
    print("softmax regression confusion over all folds (rows: true %s):" % ", ".join(CLASSES))
    print(confusion)
    for name, uas in results.items():
        print("%-18s mean UA %.3f (min %.3f, max %.3f)" % (name, np.mean(uas), min(uas), max(uas)))


if __name__ == "__main__":
    main()
