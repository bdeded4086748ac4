using SerDarts.Experiments;
using SerDarts.Tests.Experiments;

namespace SerDarts.Tests.Reporting;

/// <summary>A results store filled by the real runner with the scripted executor: the paper suite with the small
/// preset over folds 0-1 and seeds 0-1 (9 distinct specs x 4 = 36 trials). Shared by the reporting tests.</summary>
public sealed class FilledStore : IDisposable
{
    private readonly TempFolder _folder = new();

    public FilledStore()
    {
        Store = ResultsStore.Open(_folder.File("results.db"));
        Variants = SuiteExpansion.Expand(PaperSuite.Create(), ExperimentPresets.Small, new SpecOverrides(Folds: [0, 1], Seeds: [0, 1]));
        new ExperimentRunner(Store, new ScriptedExecutor(folds: 5), TestSpecs.Options(_folder)).RunSuite(Suite, Variants);
    }

    public const string Suite = "paper@small";

    public ResultsStore Store { get; }

    public IReadOnlyList<SuiteVariant> Variants { get; }

    public string Folder => _folder.Path;

    public void Dispose()
    {
        Store.Dispose();
        _folder.Dispose();
    }
}
