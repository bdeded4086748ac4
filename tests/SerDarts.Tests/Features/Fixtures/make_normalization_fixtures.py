#!/usr/bin/python3
"""Reference values for the four features.normalization levels (NormalizationLevelFixtureTests.cs), in numpy.

Writes normalization.json: tiny [N, 1, 2, 5] grids with valid-frame counts and NON-zero padding (so a statistic
that reads padding is caught), and what each level must give:
  none        x on valid frames, 0 on padding
  fold        (x - mean) / max(std, 1e-5) with mean and population std per row over the TRAINING grids' valid
              frames, applied to the test grids; padding 0
  speaker     per speaker, the same over that speaker's own valid frames
  enrolment   per speaker, statistics over the valid frames of its enrolment grids only, applied to all its grids
and the enrolment clips SpeakerEnrolment.Choose picks: per speaker, the N ids whose sha256("<seed>\\n<id>")
(upper-case hex) sorts first.

Run: /usr/bin/python3 make_normalization_fixtures.py  (python3-numpy)
"""
import hashlib
import json
import os

import numpy as np

MIN_STD = 1e-5
rng = np.random.default_rng(21)


def grids(n):
    return np.round(rng.normal(3.0, 2.0, size=(n, 1, 2, 5)), 3)


def mask(valid, frames=5):
    return (np.arange(frames)[None, :] < np.array(valid)[:, None]).astype(np.float64)[:, None, None, :]


def stats(x, valid):
    m = mask(valid)
    count = m.sum()
    mean = (x * m).sum(axis=(0, 3), keepdims=True) / count
    var = (((x - mean) * m) ** 2).sum(axis=(0, 3), keepdims=True) / count
    return mean, np.maximum(np.sqrt(var), MIN_STD)


def apply(x, valid, mean, std):
    return (x - mean) / std * mask(valid)


train_x, train_valid, train_speakers = grids(4), [5, 3, 4, 2], ["a", "a", "b", "b"]
test_x, test_valid, test_speakers = grids(5), [5, 2, 4, 3, 5], ["c", "c", "c", "d", "d"]
test_enrolled = [True, False, False, False, True]

none = test_x * mask(test_valid)
fold = apply(test_x, test_valid, *stats(train_x, train_valid))


def per_speaker(x, valid, speakers, reference):
    out = np.zeros_like(x)
    for s in sorted(set(speakers)):
        rows = [i for i, t in enumerate(speakers) if t == s]
        ref = [i for i in rows if reference[i]]
        mean, std = stats(x[ref], [valid[i] for i in ref])
        out[rows] = apply(x[rows], [valid[i] for i in rows], mean, std)
    return out


speaker_train = per_speaker(train_x, train_valid, train_speakers, [True] * 4)
speaker_test = per_speaker(test_x, test_valid, test_speakers, [True] * 5)
enrolment_test = per_speaker(test_x, test_valid, test_speakers, test_enrolled)

ids = [f"Ses0{s}{g}_impro0{k}_{g}00{k}" for s in (1, 2) for g in "FM" for k in range(1, 4)]
speaker_of = {i: i[:6] for i in ids}


def choose(n, seed):
    chosen = []
    for s in sorted(set(speaker_of.values())):
        mine = [i for i in ids if speaker_of[i] == s]
        key = lambda i: (hashlib.sha256(f"{seed}\n{i}".encode()).hexdigest().upper(), i)
        chosen += sorted(mine, key=key)[:n]
    return sorted(chosen)


flat = lambda a: [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]
fixture = {
    "shape": [1, 2, 5],
    "train": {"x": flat(train_x), "valid": train_valid, "speakers": train_speakers},
    "test": {"x": flat(test_x), "valid": test_valid, "speakers": test_speakers, "enrolled": test_enrolled},
    "expected": {
        "none": flat(none),
        "fold": flat(fold),
        "speakerTrain": flat(speaker_train),
        "speakerTest": flat(speaker_test),
        "enrolmentTest": flat(enrolment_test),
    },
    "enrolment": {"ids": ids, "speakers": [speaker_of[i] for i in ids],
                  "choices": [{"clips": n, "seed": seed, "chosen": choose(n, seed)} for n, seed in ((1, 0), (2, 0), (2, 7))]},
}
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "normalization.json"), "w") as f:
    json.dump(fixture, f, indent=1)
    f.write("\n")
