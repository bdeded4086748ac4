using SerDarts.Experiments.Execution;
using SerDarts.Experiments.Outcomes;
using SerDarts.Experiments.Specs;
using SerDarts.Experiments.Store;
using SerDarts.Experiments.Suites;
using SerDarts.Tests.Experiments;

namespace SerDarts.Tests.Reporting;

/// <summary>A results store filled by the real runner with the scripted executor: the paper suite with the small
/// preset over folds 0-1 and seeds 0-1 (9 distinct specs x 4 = 36 trials), each trial with per-clip predictions (fold
/// f tests speakers "spk{f}a" and "spk{f}b", one clip per class of 1, 3, 5 and 9 s, all right). Shared by the
/// reporting tests.</summary>
public sealed class FilledStore : IDisposable
{
    private readonly TempFolder _folder = new();

    public FilledStore()
    {
        Store = ResultsStore.Open(_folder.File("results.db"));
        Variants = SuiteExpansion.Expand(PaperSuite.Create(), ExperimentPresets.Small, new SpecOverrides(Folds: [0, 1], Seeds: [0, 1]));
        new ExperimentRunner(Store, new ScriptedExecutor(folds: 5) { Outcome = Outcome }, TestSpecs.Options(_folder)).RunSuite(Suite, Variants);
    }

    public const string Suite = "paper@small";

    public ResultsStore Store { get; }

    public IReadOnlyList<SuiteVariant> Variants { get; }

    public string Folder => _folder.Path;

    private static TrialOutcome Outcome(TrialSpec trial) => FakeOutcomes.For(trial) with
    {
        Predictions = new[] { $"spk{trial.Fold}a", $"spk{trial.Fold}b" }
            .SelectMany(speaker => new[] { 1.0, 3, 5, 9 }.Select((seconds, c) => new ClipPrediction($"{speaker}_{c}", speaker, seconds, c, c)))
            .ToList(),
    };

    public void Dispose()
    {
        Store.Dispose();
        _folder.Dispose();
    }
}
