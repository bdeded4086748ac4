#!/usr/bin/env python3
"""Validation UA per features.normalization level (docs/arch/features.md, "Which level the small preset uses").

Reads a results store filled by `serdarts ablate --suite normalization ...` and prints a markdown table: per level,
the VALIDATION UA of the epoch each trial reports (the best validation UA, which is how the epoch is chosen),
averaged over seeds inside each session (the independent unit under loso), then mean and range over sessions;
the test UA of the same epochs is a separate, labelled column. Standard library only.

Usage: python3 data/normalization-table.py RESULTS_DB [SUITE]   (SUITE default: normalization@small)
"""
import sqlite3
import statistics
import sys

db = sys.argv[1]
suite = sys.argv[2] if len(sys.argv) > 2 else "normalization@small"
con = sqlite3.connect(db)
rows = con.execute(
    """select v.level, v.ordinal, f.name, t.seed, max(e.validation_ua), m.ua, f.validation_count, f.test_count
       from variants v join trials t on t.spec_hash = v.spec_hash and t.status = 'completed'
       join folds f on f.trial_id = t.trial_id join metrics m on m.trial_id = t.trial_id
       join epochs e on e.trial_id = t.trial_id
       where v.suite = ? group by t.trial_id""", (suite,)).fetchall()
levels = {}
for level, ordinal, fold, seed, val, test, nval, ntest in rows:
    session = fold.split(" ")[0]
    levels.setdefault((ordinal, level), {}).setdefault(session, []).append((val, test, nval, ntest))

print("| level | trials | sessions | validation UA (%) mean over sessions | min-max over sessions | scored validation / test clips per fold | test UA (%), not used to choose |")
print("| --- | --- | --- | --- | --- | --- | --- |")
for (ordinal, level), sessions in sorted(levels.items()):
    val = [statistics.mean(v for v, _, _, _ in trials) for trials in sessions.values()]
    test = [statistics.mean(t for _, t, _, _ in trials) for trials in sessions.values()]
    counts = sorted({(n, k) for trials in sessions.values() for _, _, n, k in trials})
    print(f"| {level} | {sum(len(t) for t in sessions.values())} | {len(sessions)} | {100 * statistics.mean(val):.1f} "
          f"| {100 * min(val):.1f}-{100 * max(val):.1f} | {', '.join(f'{n} / {k}' for n, k in counts)} | {100 * statistics.mean(test):.1f} |")
