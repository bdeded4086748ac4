using System.Text.Json.Nodes;
using SerDarts.Experiments.Analysis;
using SerDarts.Experiments.Execution;
using SerDarts.Experiments.Outcomes;
using SerDarts.Experiments.Specs;
using SerDarts.Experiments.Store;
using SerDarts.Experiments.Suites;
using SerDarts.Networks;
using SerDarts.Statistics;

namespace SerDarts.Tests.Experiments;

/// <summary>
/// Statistics from stored trials, checked against values computed by hand: per test speaker and seed UA from the
/// clip predictions, level means, pairing on (speaker, seed) against the factor's first level, protocols that
/// must match before two levels are subtracted, and UA by clip duration.
/// </summary>
public class SuiteStatisticsTests
{
    /// <summary>Fold 0 tests s0, fold 1 s1, fold 2 two speakers (s2a, s2b); each speaker has one clip per class,
    /// of 1, 3, 5 and 9 s. DARTS is right on every clip except, when fold + seed is odd, the 9 s angry clip
    /// (called neutral): UA 1 or 3/4. The CNN says neutral, neutral, sad, neutral: UA 1/2 everywhere.</summary>
    private static TrialOutcome Outcome(TrialSpec trial)
    {
        string[] speakers = trial.Fold == 2 ? ["s2a", "s2b"] : [$"s{trial.Fold}"];
        double[] durations = [1, 3, 5, 9];
        var clips = speakers.SelectMany(s => Enumerable.Range(0, 4).Select(c =>
        {
            int predicted = trial.Spec.Model == NetworkKinds.Cnn ? new[] { 0, 0, 2, 0 }[c]
                : c == 3 && (trial.Fold + trial.Seed) % 2 == 1 ? 0 : c;
            return new ClipPrediction($"{s}_{c}", s, durations[c], c, predicted);
        })).ToList();
        return FakeOutcomes.For(trial) with { Predictions = clips };
    }

    private static SuiteReport Report(TempFolder folder)
    {
        var suite = SuiteFile.Parse("""
            { "name": "stats", "base": { "network": { "kind": "darts" }, "folds": [0, 1, 2], "seeds": [0, 1] },
              "factors": [ { "name": "model", "path": "network.kind", "values": ["darts", "cnn"] },
                           { "name": "dialogs", "path": "corpus.dialogs", "values": ["all", "improvised"] } ] }
            """);
        var variants = SuiteExpansion.Expand(suite, ExperimentPresets.Smoke, new SpecOverrides(Folds: [0, 1, 2], Seeds: [0, 1]));
        var store = ResultsStore.Open(folder.File("results.db"));
        new ExperimentRunner(store, new ScriptedExecutor(folds: 3) { Outcome = Outcome }, TestSpecs.Options(folder)).RunSuite("stats", variants);
        return store.ReadStatistics("stats", new BootstrapOptions(Resamples: 2000, Seed: 3));
    }

    [Fact]
    public void Speakers_levels_and_paired_differences_match_the_hand_computed_values()
    {
        using var folder = new TempFolder();
        var report = Report(folder);

        var darts = report.Speakers.Where(s => s.Variant == "model=darts").ToList();
        Assert.Equal(8, darts.Count); // 3 folds x 2 seeds, fold 2 with two speakers
        Assert.Equal(1.0, darts.Single(s => s.Speaker == "s0" && s.Seed == 0).UnweightedAccuracy, 12);
        Assert.Equal(0.75, darts.Single(s => s.Speaker == "s0" && s.Seed == 1).UnweightedAccuracy, 12);
        Assert.Equal(0.75, darts.Single(s => s.Speaker == "s2b" && s.Seed == 1).UnweightedAccuracy, 12);
        Assert.Equal(0.75, darts.Single(s => s.Speaker == "s2b" && s.Seed == 1).WeightedAccuracy, 12); // 3 of 4 clips
        Assert.All(report.Speakers.Where(s => s.Variant == "model=cnn"), s => Assert.Equal(0.5, s.UnweightedAccuracy, 12));

        var level = report.Levels.Single(l => l.Variant.Variant == "model=darts");
        Assert.Equal((8, 4, 3, 6), (level.Ua!.Count, level.Ua.Speakers, level.Ua.Units, level.Trials));
        Assert.Equal("fold", level.Unit);                                     // fake folds are named "foldN", not by session
        // Each fold (unit) holds a 1 and a 3/4 per speaker over its two seeds: every unit is worth 0.875.
        Assert.Equal(0.875, level.Ua.Mean, 12);
        Assert.Equal(0.0, level.Ua.Std, 12);
        Assert.Equal((0.875, 0.875), (level.Ua.Ci.Low, level.Ua.Ci.High));
        // Pooled over 32 clips: the 8 angry clips are right in half the trials -> recalls 1, 1, 1, 1/2; UA 7/8, WA 28/32.
        Assert.Equal((32, 0.875, 0.875), (level.Pooled!.Clips, level.Pooled.Ua, level.Pooled.Wa));
        var angry = level.Pooled.Recall.Single(r => r.Emotion == "angry");
        Assert.Equal((8, 0.5, 3), (angry.Clips, angry.Recall, angry.Units));
        Assert.True(angry.Ci.Low <= 0.5 && 0.5 <= angry.Ci.High);
        Assert.Contains("epoch chosen on the validation speakers", level.Protocol);

        var cnn = report.Comparisons.Single(c => c.Factor == "model");
        Assert.Equal(("darts", "cnn"), (cnn.Reference, cnn.Level));
        Assert.Null(cnn.Problem);
        Assert.Equal((8, 4, 3), (cnn.Ua!.Pairs, cnn.Ua.Speakers, cnn.Ua.Units));
        Assert.Equal(-0.375, cnn.Ua.MeanDifference, 12);                      // 0.5 - 0.875: level minus reference
        Assert.True(cnn.Ua.Ci.High < 0);                                      // every unit difference is -3/8
        Assert.Equal(3, cnn.Ua.Wilcoxon.Count);                               // one difference per unit
        Assert.Equal(0.0, cnn.Ua.Wilcoxon.RankSumPositive);
        Assert.Equal(0.25, cnn.Ua.Wilcoxon.PValue, 12);                       // 2 / 2^3: three tied differences of one sign
        Assert.Equal(0.25, cnn.Ua.MinAttainableP, 12);
        Assert.Equal(0.25, cnn.PHolm!.Value, 12);                             // the factor's only comparison
    }

    [Fact]
    public void The_authors_score_is_each_trials_best_test_epoch_labelled_optimistic()
    {
        using var folder = new TempFolder();
        var optimistic = Report(folder).Optimistic.Single(l => l.Variant.Variant == "model=darts");
        // FakeOutcomes' epochs: test UA 0.3 + 0.1 e over 3 epochs, so each trial's best is 0.6 (epoch 3).
        Assert.Equal(6, optimistic.Ua!.Count);
        Assert.Equal(0.6, optimistic.Ua.Mean, 12);
        Assert.Contains("optimistic", optimistic.Protocol);
    }

    [Fact]
    public void Levels_under_different_protocols_are_not_subtracted()
    {
        using var folder = new TempFolder();
        var dialogs = Report(folder).Comparisons.Single(c => c.Factor == "dialogs");
        Assert.Null(dialogs.Ua);
        Assert.Equal("different protocols: not compared", dialogs.Problem);
    }

    [Fact]
    public void Ua_by_clip_duration_pools_the_clips_of_every_trial()
    {
        using var folder = new TempFolder();
        var buckets = Report(folder).Durations.Where(d => d.Variant == "model=darts").ToList();
        Assert.Equal([0.0, 2, 4, 8], buckets.Select(b => b.From));
        Assert.All(buckets, b => Assert.Equal(8, b.Clips));
        Assert.Equal([1.0, 1.0, 1.0, 0.5], buckets.Select(b => b.UnweightedAccuracy)); // the 9 s clips: right in half the trials
    }
}
