#!/usr/bin/python3
"""Reference values for SerDarts.Statistics, computed independently with Debian 12's python3-scipy and
python3-statsmodels.

Run from this folder:  /usr/bin/python3 make_fixtures.py
(writes fixtures.json; scipy 1.10.1, numpy 1.24.2, statsmodels 0.13.5)

Units: every summary and comparison first reduces its observations to one value per independent unit (an
observation's "unit", else its speaker): each speaker's seeds averaged, then the unit's speakers averaged. Means,
standard deviations, the bootstrap (one value per unit) and the Wilcoxon test all work on those unit values.

Holm: statsmodels.stats.multitest.multipletests(p, method="holm")[1].

Wilcoxon signed-rank (two-sided, zero_method "wilcox", no continuity correction): SerDarts follows the "auto"
rule of scipy >= 1.13 (exact without ties or zeros up to n = 50; exact sign-flip permutation with ties or zeros
up to n = 13; normal approximation otherwise; n counts the zeros). scipy 1.10.1 gives the same numbers through:
  exact         scipy.stats.wilcoxon(d)                      (its "auto" is exact for n <= 50 without zeros)
  normal        scipy.stats.wilcoxon(d, method="approx")
  sign flip     scipy.stats.permutation_test with the R+ statistic over all 2^n sign patterns, checked against a
                brute-force enumeration written here.
(scipy 1.10.1's own "auto" is not used for ties with n <= 50: it truncates a half-integer R+ to an integer.)

Bootstrap: the documented resampling of SerDarts.Statistics.Bootstrap (SplitMix64 from the seed; per resample,
k draws of ((next >> 32) * k) >> 32 pick clusters; sum of the picked values in order / their count; numpy's
default "linear" percentile of the means) re-implemented here in plain Python, plus scipy.stats.bootstrap
(method="percentile") over the cluster means as a loose check that the construction is the usual one.
"""
import itertools
import json
import pathlib

import numpy as np
import scipy
import scipy.stats as st
import statsmodels
from statsmodels.stats.multitest import multipletests

HERE = pathlib.Path(__file__).resolve().parent
MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def index(self, n):
        return ((self.next() >> 32) * n) >> 32


def bootstrap_means(clusters, resamples, seed):
    rng = SplitMix64(seed)
    means = []
    for _ in range(resamples):
        total, count = 0.0, 0
        for _ in range(len(clusters)):
            cluster = clusters[rng.index(len(clusters))]
            for v in cluster:
                total += v
            count += len(cluster)
        means.append(total / count)
    return means


def percentile_interval(clusters, resamples, seed, level):
    means = np.array(bootstrap_means(clusters, resamples, seed))
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return float(low), float(high)


def r_plus(d):
    d = np.asarray(d, dtype=float)
    d = d[d != 0]
    if d.size == 0:
        return 0.0
    ranks = st.rankdata(np.abs(d))
    return float(np.sum(ranks[d > 0]))


def brute_force_sign_flip(d):
    d = np.asarray(d, dtype=float)
    nz = d[d != 0]
    ranks = st.rankdata(np.abs(nz))
    observed = float(np.sum(ranks[nz > 0]))
    sums = [sum(r for r, s in zip(ranks, signs) if s) for signs in itertools.product([0, 1], repeat=nz.size)]
    less = sum(1 for s in sums if s <= observed) / len(sums)
    greater = sum(1 for s in sums if s >= observed) / len(sums)
    return min(1.0, 2 * min(less, greater))


def wilcoxon_case(name, d):
    d = [float(x) for x in d]
    arr = np.array(d)
    n, zeros = len(d), int(np.sum(arr == 0))
    nz = np.abs(arr[arr != 0])
    ties = len(np.unique(nz)) < len(nz)
    rp = r_plus(arr)
    rm = float(np.sum(st.rankdata(nz))) - rp
    if n > 50 or ((zeros > 0 or ties) and n > 13):
        method, res = "Normal", st.wilcoxon(arr, method="approx")
        p = float(res.pvalue)
    elif zeros == 0 and not ties:
        method, res = "Exact", st.wilcoxon(arr)
        p = float(res.pvalue)
    else:
        method = "SignFlip"
        perm = st.permutation_test((arr,), r_plus, permutation_type="samples", vectorized=False,
                                   n_resamples=np.inf, alternative="two-sided")
        p = float(perm.pvalue)
        assert abs(p - brute_force_sign_flip(arr)) < 1e-12, name
        res = None
    if res is not None:
        assert abs(float(res.statistic) - min(rp, rm)) < 1e-9, name
    return {"name": name, "differences": d, "method": method, "zeros": zeros,
            "rank_sum_positive": rp, "rank_sum_negative": rm, "p": p}


def wilcoxon_cases():
    rng = np.random.default_rng(20240601)
    cases = [
        wilcoxon_case("n5_all_positive", [0.5, 1.5, 2.5, 3.5, 4.5]),
        wilcoxon_case("n10_mixed", np.round(rng.normal(0.3, 1.0, 10), 6)),
        wilcoxon_case("n20_mixed", np.round(rng.normal(0.2, 1.0, 20), 6)),
        wilcoxon_case("n50_boundary_exact", np.round(rng.normal(0.1, 1.0, 50), 6)),
        wilcoxon_case("n51_boundary_normal", np.round(rng.normal(0.1, 1.0, 51), 6)),
        wilcoxon_case("n8_ties", [1, -1, 2, 2, -3, 3, 4, 5]),
        wilcoxon_case("n10_zeros", [0, 0.4, -0.2, 0.9, 0.0, 1.1, -0.6, 0.75, 1.3, 0.05]),
        wilcoxon_case("n13_ties_and_zeros", [0, 2, -2, 1, 1, 1, -3, 4, 0, 5, 6, -1, 7]),
        wilcoxon_case("n14_ties_normal", [2, -2, 1, 1, 1, -3, 4, 5, 6, -1, 7, 8, 2, 9]),
        wilcoxon_case("n30_ties_and_zeros", np.round(rng.normal(0.5, 1.0, 30), 0)),
        wilcoxon_case("n120_many_ties", np.round(rng.normal(0.2, 1.5, 120), 0)),
        wilcoxon_case("n12_centre", [1, -2, -3, 4, 5, -6, -7, 8, -9, 10, 11, -12]),
    ]
    return cases


def ua_like(rng, speakers, seeds, base, spread):
    """UA per (speaker, seed), rounded to 0.1 percentage point as reports print them (so ties occur)."""
    effect = {s: rng.normal(0, spread) for s in speakers}
    return [{"speaker": s, "seed": seed, "value": float(np.round(base + effect[s] + rng.normal(0, 2.0), 1))}
            for s in speakers for seed in seeds]


def unit_values(observations):
    """One value per unit, units in sorted order: each speaker's seeds averaged, then the unit's speakers."""
    by = {}
    for o in sorted(observations, key=lambda o: (o["speaker"], o["seed"])):
        by.setdefault(o.get("unit", o["speaker"]), {}).setdefault(o["speaker"], []).append(o["value"])
    values = []
    for unit in sorted(by):
        speaker_means = [sum(v) / len(v) for _, v in sorted(by[unit].items())]
        values.append(sum(speaker_means) / len(speaker_means))
    return values


def clusters_of(observations):
    return [[v] for v in unit_values(observations)]


def scipy_bootstrap(cluster_means, resamples, level):
    res = st.bootstrap((np.array(cluster_means),), np.mean, n_resamples=resamples, confidence_level=level,
                       method="percentile", random_state=np.random.default_rng(7))
    return [float(res.confidence_interval.low), float(res.confidence_interval.high)]


def summary_case(name, observations, resamples, seed, level):
    clusters = clusters_of(observations)
    values = [c[0] for c in clusters]
    case = {"name": name, "observations": observations, "resamples": resamples, "seed": seed, "level": level,
            "units": len(values), "mean": float(np.mean(values)),
            "std": float(np.std(values, ddof=1)) if len(values) > 1 else None,
            "ci": list(percentile_interval(clusters, resamples, seed, level)),
            "first_means": bootstrap_means(clusters, 5, seed)}
    if len(clusters) > 5:  # with a handful of units the percentile bootstrap is too discrete for a loose comparison
        case["scipy_ci"] = scipy_bootstrap(values, resamples, level)
    return case


def paired_case(name, reference, level, resamples, seed):
    ref = {(o["speaker"], o["seed"]): o["value"] for o in reference}
    diffs = [dict(o, value=o["value"] - ref[(o["speaker"], o["seed"])]) for o in level if (o["speaker"], o["seed"]) in ref]
    clusters = clusters_of(diffs)
    d = [c[0] for c in clusters]
    w = wilcoxon_case(name, d)
    case = {"name": name, "reference": reference, "level": level, "resamples": resamples, "seed": seed,
            "pairs": len(diffs), "speakers": len({o["speaker"] for o in diffs}), "units": len(d),
            "min_attainable_p": min(1.0, 2.0 / 2 ** len(d)), "mean_difference": float(np.mean(d)),
            "ci": list(percentile_interval(clusters, resamples, seed, 0.95)),
            "wilcoxon_method": w["method"], "wilcoxon_p": w["p"], "zeros": w["zeros"],
            "rank_sum_positive": w["rank_sum_positive"], "rank_sum_negative": w["rank_sum_negative"],
            "unmatched_reference": len(reference) - len(diffs), "unmatched_level": len(level) - len(diffs)}
    if len(d) > 1:
        case["scipy_ci"] = scipy_bootstrap(d, resamples, 0.95)
    return case


def in_sessions(observations):
    """loso's unit: the session, "Ses01" of "Ses01F"."""
    return [dict(o, unit=o["speaker"][:5]) for o in observations]


def holm_cases():
    rng = np.random.default_rng(7)
    families = {
        "textbook": [0.01, 0.04, 0.03, 0.005],
        "ties_and_one": [0.02, 0.02, 1.0, 0.5, 0.02],
        "single": [0.03],
        "capped": [0.3, 0.6, 0.4],
        "random_twelve": [float(x) for x in np.round(rng.uniform(0, 0.2, 12), 6)],
        "signed_rank_floors": [0.0625, 0.0625, 0.125, 0.5],
    }
    return [{"name": k, "p": v, "holm": [float(x) for x in multipletests(v, method="holm")[1]]} for k, v in families.items()]


def main():
    rng = np.random.default_rng(13)
    iemocap = [f"Ses0{s}{g}" for s in range(1, 6) for g in "FM"]
    one_seed = ua_like(rng, iemocap, [0], 60.0, 5.0)
    three_seeds = ua_like(rng, iemocap, [0, 1, 2], 60.0, 5.0)
    uneven = [o for o in ua_like(rng, iemocap, [0, 1, 2], 55.0, 4.0) if not (o["speaker"] < "Ses03" and o["seed"] == 2)]
    summaries = [
        summary_case("ten_speakers_one_seed", one_seed, 10000, 1, 0.95),
        summary_case("ten_speakers_three_seeds", three_seeds, 10000, 2024, 0.95),
        summary_case("uneven_seeds_90", uneven, 2000, 99, 0.90),
        summary_case("single_speaker", [o for o in three_seeds if o["speaker"] == "Ses01F"], 100, 5, 0.95),
    ]
    reference = ua_like(rng, iemocap, [0, 1, 2], 58.0, 5.0)
    better = [dict(o, value=float(np.round(o["value"] + rng.normal(2.0, 2.0), 1))) for o in reference]
    same = [dict(o, value=float(np.round(o["value"] + rng.normal(0.0, 0.3), 1))) for o in reference]
    big_ref = ua_like(rng, [f"spk{i:02d}" for i in range(24)], [0, 1, 2], 50.0, 6.0)
    big_level = [dict(o, value=float(np.round(o["value"] + rng.normal(0.8, 3.0), 1))) for o in big_ref]
    paired = [
        paired_case("better_by_two_points", reference, better, 10000, 1),
        paired_case("nearly_equal_with_zeros", reference, same, 10000, 1),
        paired_case("missing_pairs", reference, [o for o in better if not (o["speaker"] == "Ses05M" and o["seed"] > 0)], 4000, 3),
        paired_case("seventy_two_pairs", big_ref, big_level, 10000, 11),
        paired_case("five_sessions_as_units", in_sessions(reference), in_sessions(better), 10000, 1),
    ]
    summaries.append(summary_case("five_sessions_three_seeds", in_sessions(three_seeds), 10000, 2024, 0.95))
    percentiles = {"values": [float(x) for x in rng.normal(0, 1, 37)], "q": [0.0, 2.5, 25.0, 50.0, 97.5, 100.0]}
    percentiles["expected"] = [float(x) for x in np.percentile(percentiles["values"], percentiles["q"])]
    sm = SplitMix64(1)
    out = {"generator": f"make_fixtures.py, scipy {scipy.__version__}, numpy {np.__version__}, statsmodels {statsmodels.__version__}",
           "splitmix64_seed1_first": [str(sm.next()) for _ in range(3)],
           "wilcoxon": wilcoxon_cases(), "summaries": summaries, "paired": paired, "percentiles": percentiles,
           "holm": holm_cases()}
    (HERE / "fixtures.json").write_text(json.dumps(out, indent=1) + "\n")
    print(out["generator"], "->", "fixtures.json")
    for c in out["wilcoxon"]:
        print(f"  {c['name']}: {c['method']} p={c['p']:.6g}")
    for c in paired:
        print(f"  {c['name']}: {c['units']} units {c['wilcoxon_method']} p={c['wilcoxon_p']:.6g} zeros={c['zeros']} ci={c['ci']} scipy={c.get('scipy_ci')}")
    for c in out["holm"]:
        print(f"  holm {c['name']}: {c['p']} -> {c['holm']}")


if __name__ == "__main__":
    main()
