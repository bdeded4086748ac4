#!/usr/bin/python3
"""Reference utterance functionals for UtteranceFunctionalsTests, computed independently with numpy.

Run from this folder with Debian's python3-numpy:  /usr/bin/python3 make_functionals.py
Writes functionals.json: an input x [N, 1, F, T] (rounded to 3 decimals), each clip's valid frame count, and per
clip the functionals of its valid frames only (the padding holds 99, which must never show): per row the mean,
the population std (ddof 0), the 10th/50th/90th percentiles (numpy's default linear rule), the least-squares
slope against the frame index (numpy.polyfit, 0 for one frame), then log(valid frames).
"""
import json
import pathlib

import numpy as np

rng = np.random.RandomState(20230524)
N, F, T = 4, 3, 9
valid = [9, 5, 2, 1]
x = np.round(rng.normal(size=(N, 1, F, T)) * 2.0, 3)
for n, v in enumerate(valid):
    x[n, :, :, v:] = 99.0  # padding: any functional that reads it is far off

expected = []
for n, v in enumerate(valid):
    rows = x[n, 0, :, :v]
    slope = [np.polyfit(np.arange(v), r, 1)[0] if v > 1 else 0.0 for r in rows]
    expected.append(np.concatenate([
        rows.mean(axis=1),
        rows.std(axis=1),
        np.percentile(rows, 10, axis=1), np.percentile(rows, 50, axis=1), np.percentile(rows, 90, axis=1),
        slope,
        [np.log(v)],
    ]).tolist())

out = {"shape": [N, 1, F, T], "valid": valid, "x": x.ravel().tolist(), "expected": expected}
(pathlib.Path(__file__).resolve().parent / "functionals.json").write_text(json.dumps(out, indent=1) + "\n")
