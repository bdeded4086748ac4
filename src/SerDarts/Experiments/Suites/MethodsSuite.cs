using SerDarts.Experiments.Specs;
using SerDarts.Networks;
using SerDarts.Search;

namespace SerDarts.Experiments.Suites;

/// <summary>
/// The built-in <c>methods</c> suite: the differentiable search methods side by side on one protocol (DARTS,
/// PC-DARTS, DARTS-, FairDARTS, beta-DARTS, SDARTS-RS), each searching and training the DARTS CNN-LSTM, and the
/// random-cell control from the same search space that every searched cell must beat.
/// </summary>
public static class MethodsSuite
{
    public const string Name = "methods";

    /// <summary>The level of the random-cell control.</summary>
    public const string RandomLevel = "random";

    public static SuiteSpec Create() => new(
        Name,
        "Robust DARTS variants on one protocol: " + string.Join(", ", SearchMethods.Names)
        + ", each searching the cells of the DARTS CNN-LSTM, against the random-cell control from the same search space.",
        new ExperimentSpec { Name = "darts-cnn-lstm" },
        [
            new SuiteFactor("method",
            [
                .. SearchMethods.Names.Select(m => new FactorLevel(m, JsonMergePatch.ForPath("search.method", m))),
                new FactorLevel(RandomLevel, JsonMergePatch.ForPath("network.kind", NetworkKinds.Random)),
            ]),
        ]);
}
