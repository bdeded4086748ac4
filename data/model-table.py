#!/usr/bin/env python3
"""Renders the model comparison of docs/arch/darts.md from the stores data/model-table.sh fills.

usage: data/model-table.py SERDARTS OUT   (SERDARTS: the CLI binary; OUT: model-table.sh's OUT)

Per corpus: UA per test speaker and model, then the mean, 95% CI and paired comparisons of `serdarts results`
(units = sessions) over the folds where EVERY model finished, so the levels compare like with like (the linear
level runs on every fold first; a partial run of the networks would otherwise average it over more speakers).
For that, `results` reads a copy of the store without the other folds' trials. The linear model on every fold
comes from the full store. Validation UA is each trial's best epoch (the selected one).
"""
import json, pathlib, shutil, sqlite3, subprocess, sys, tempfile

MODELS = ["darts", "random", "cnn", "cnn-lstm", "linear"]
NAMES = {"darts": "DARTS", "random": "random", "cnn": "CNN", "cnn-lstm": "CNN-LSTM", "linear": "linear"}
SUITE = "paper-models@small"


def trials(db):
    rows = db.execute("""select s.model, t.fold, f.test_speakers_json, m.ua,
        (select max(e.validation_ua) from epochs e where e.trial_id = t.trial_id), t.trial_id
        from variants v join trials t on t.spec_hash = v.spec_hash join specs s on s.spec_hash = t.spec_hash
        join metrics m on m.trial_id = t.trial_id join folds f on f.trial_id = t.trial_id
        where v.suite = ? and t.status = 'completed' and t.seed = 0""", (SUITE,)).fetchall()
    return {(model, fold): (json.loads(speakers)[0], ua, val, tid) for model, fold, speakers, ua, val, tid in rows}


def results(serdarts, store):
    out = subprocess.run([serdarts, "results", "--store", str(store), "--suite", SUITE, "--json"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def matched_copy(store, keep_ids, folder, reference=None):
    """A copy of the store with only the given trials; with reference, only the levels that kept trials, reference
    first (results compares every level with the factor's first)."""
    copy = pathlib.Path(folder) / "matched.db"
    shutil.copy(store, copy)
    db = sqlite3.connect(copy)
    ids = ",".join(str(i) for i in keep_ids)
    tables = [r[0] for r in db.execute("select name from sqlite_master where type = 'table'")]
    for table in tables:
        columns = [r[1] for r in db.execute(f"pragma table_info({table})")]
        if "trial_id" in columns:
            db.execute(f"delete from {table} where trial_id not in ({ids})")
    if reference:
        db.execute("delete from variants where suite = ? and spec_hash not in (select spec_hash from trials)", (SUITE,))
        db.execute("update variants set ordinal = -1 where suite = ? and spec_hash in (select spec_hash from specs where model = ?)",
                   (SUITE, reference))
    db.commit()
    db.close()
    return copy


def pct(x):
    return "-" if x is None else f"{100 * x:.2f}"


def level_cell(level):
    ua = level["ua"]
    std = "" if ua["sampleStd"] is None else f" ± {100 * ua['sampleStd']:.2f}"
    return f"{pct(ua['mean'])}{std} [{pct(ua['ciLow'])}, {pct(ua['ciHigh'])}]"


def corpus_table(serdarts, name, store):
    db = sqlite3.connect(store)
    t = trials(db)
    folds = sorted({f for _, f in t})
    complete = [f for f in folds if all((m, f) in t for m in MODELS)]
    print(f"\n#### {name}: folds with every model: {','.join(map(str, complete)) or 'none'}; linear: {','.join(map(str, folds))}\n")
    print("| test speaker | fold | " + " | ".join(NAMES[m] for m in MODELS) + " | best network - linear |")
    print("| --- | ---: | " + " | ".join("---" for _ in MODELS) + " | ---: |")
    for f in folds:
        speaker = t[("linear", f)][0]
        cells, nets = [], [t[(m, f)][1] for m in MODELS[:-1] if (m, f) in t]
        for m in MODELS:
            ua = t[(m, f)][1] if (m, f) in t else None
            best = ua is not None and ua == max(t[(k, f)][1] for k in MODELS if (k, f) in t) and f in complete
            cells.append(f"**{pct(ua)}**" if best else pct(ua))
        gap = f"{100 * (max(nets) - t[('linear', f)][1]):+.2f}" if f in complete else ""
        print(f"| {speaker} | {f} | " + " | ".join(cells) + f" | {gap} |")
    if not complete:
        return
    keep = [t[(m, f)][3] for m in MODELS for f in complete]
    with tempfile.TemporaryDirectory() as folder:
        matched = results(serdarts, matched_copy(store, keep, folder))
    full = results(serdarts, store)
    levels = {lv["model"]: lv for lv in matched["levels"]}
    units = levels["linear"]["units"]
    print(f"| mean ± std [95% CI], {units} session(s) of the folds above | | " +
          " | ".join(level_cell(levels[m]) for m in MODELS) + " | |")
    val = [sum(t[(m, f)][2] for f in complete) / len(complete) for m in MODELS]
    print("| mean validation UA (selected epoch / L2) | | " + " | ".join(pct(v) for v in val) + " | |")
    lin = next(lv for lv in full["levels"] if lv["model"] == "linear")
    print(f"\nlinear on every fold ({lin['units']} sessions): {level_cell(lin)}\n")
    comparisons(matched, "DARTS", "folds with every model")
    # The fixed networks (no search, seconds a fold) run on more folds than the searched ones: the same over those.
    fixed = ["cnn", "cnn-lstm", "linear"]
    more = [f for f in folds if all((m, f) in t for m in fixed)]
    if more == complete:
        return
    with tempfile.TemporaryDirectory() as folder:
        res = results(serdarts, matched_copy(store, [t[(m, f)][3] for m in fixed for f in more], folder, "linear"))
    levels = {lv["model"]: lv for lv in res["levels"]}
    print(f"CNN, CNN-LSTM and linear on folds {','.join(map(str, more))} ({levels['linear']['units']} sessions), "
          "mean ± std [95% CI]: " + "; ".join(f"{NAMES[m]} {level_cell(levels[m])}" for m in fixed) +
          "; mean validation UA: " + ", ".join(f"{NAMES[m]} {pct(sum(t[(m, f)][2] for f in more) / len(more))}" for m in fixed) + "\n")
    comparisons(res, res["comparisons"][0]["reference"] if res["comparisons"] else "-", f"folds {','.join(map(str, more))}")


def comparisons(res, reference, where):
    print(f"Paired comparisons against {reference} (units = sessions, {where}; Wilcoxon signed-rank, Holm):\n")
    print(f"| level | sessions | UA difference (level - {reference}) | 95% CI | p | p (Holm) |")
    print("| --- | ---: | ---: | --- | ---: | ---: |")
    for c in res["comparisons"]:
        ua = c["ua"] or {}
        print(f"| {c['level']} | {c['units']} | {100 * ua.get('meanDifference', float('nan')):+.2f} | "
              f"[{pct(ua.get('ciLow'))}, {pct(ua.get('ciHigh'))}] | {c['p']:.3g} | {c['pHolm']:.3g} |")


if __name__ == "__main__":
    serdarts, out = sys.argv[1], pathlib.Path(sys.argv[2])
    for corpus in ["sample", "unseen"]:
        corpus_table(serdarts, corpus, out / f"runs-{corpus}" / "results.db")
