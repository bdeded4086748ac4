using SerDarts.Corpora;
using SerDarts.Experiments.Analysis;
using SerDarts.Experiments.Execution;
using SerDarts.Experiments.Specs;
using SerDarts.Networks;
using SerDarts.Search;

namespace SerDarts.Tests.Experiments;

/// <summary>
/// The seed a trial's stages run with comes from (seed, fold): the two loso folds of one session train on the same
/// sessions, so with the bare seed they would repeat one search and one training. Their independent unit is the
/// session.
/// </summary>
public class TrialSeedTests
{
    /// <summary>Five IEMOCAP-like sessions of two speakers, every class.</summary>
    private static List<Utterance> Dyadic() =>
        [.. from s in Enumerable.Range(1, 5)
            from g in "FM"
            from c in new[] { "neutral", "happy", "sad", "angry" }
            from i in Enumerable.Range(0, 2)
            let speaker = $"Ses{s:D2}{g}"
            select new Utterance($"{speaker}_{c}_{i}", $"/x/{speaker}_{c}_{i}.wav", c, speaker, $"Session{s}", 1.0, new Dictionary<string, string>())];

    [Fact]
    public void Two_loso_folds_of_one_session_never_share_a_trial_seed()
    {
        var folds = Splits.Folds(Dyadic(), SplitProtocol.LeaveOneSessionOut, 0);
        Assert.Equal(10, folds.Count);
        var spec = ExperimentPresets.ApplySmall(new ExperimentSpec());
        foreach (var session in folds.GroupBy(f => f.Train.Select(u => u.Speaker).Distinct().Order().Aggregate((a, b) => a + "," + b)))
        {
            Assert.Equal(2, session.Count()); // the same training set twice: both orientations of one session
            foreach (var seed in new[] { 0, 1, 2, 7 })
            {
                var seeds = session.Select(f => new TrialSpec(spec, f.Index, seed).RunSeed).ToList();
                Assert.Equal(2, seeds.Distinct().Count());
            }
        }
        var all = from f in folds from seed in Enumerable.Range(0, 5) select TrialSpec.RunSeedOf(seed, f.Index);
        Assert.Equal(50, all.Distinct().Count()); // and no two (fold, seed) trials at all
        Assert.All(all, s => Assert.True(s >= 0));
    }

    [Fact]
    public void The_random_control_draws_its_cell_from_the_trials_run_seed()
    {
        var spec = ExperimentPresets.ApplySmall(new ExperimentSpec());
        spec = spec with { Network = spec.Network with { Kind = NetworkKinds.Random } };
        var fold0 = TrialStages.Architecture(new TrialSpec(spec, 0, 0), null)!;
        var fold1 = TrialStages.Architecture(new TrialSpec(spec, 1, 0), null)!;
        Assert.Equal(RandomGenotype.Sample(spec.Network.Space(), spec.Network.Nodes, TrialSpec.RunSeedOf(0, 1)).ToString(), fold1.ToString());
        Assert.NotEqual(fold0.ToString(), fold1.ToString());
    }

    [Fact]
    public void Under_loso_the_unit_is_the_session_named_by_the_fold_otherwise_the_fold()
    {
        var folds = Splits.Folds(Dyadic(), SplitProtocol.LeaveOneSessionOut, 0);
        var units = folds.Select(f => InferenceUnit.Of("loso", f.Index, f.Name)).ToList();
        Assert.All(units, u => Assert.Equal(InferenceUnit.Session, u.Kind));
        Assert.Equal(["Session1", "Session1", "Session2", "Session2", "Session3", "Session3", "Session4", "Session4", "Session5", "Session5"],
            units.Select(u => u.Key));
        Assert.Equal(new InferenceUnit("fold", "fold 3"), InferenceUnit.Of("emodarts", 3, "fold4 test:Ses03M+Ses04F val:Ses04M+Ses05F"));
        Assert.Equal(new InferenceUnit("fold", "fold 2"), InferenceUnit.Of("loso", 2, "fold2")); // a name that does not say its session
    }
}
