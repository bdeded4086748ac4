namespace SerDarts.Experiments.Suites;

/// <summary>Resolves a suite argument: a built-in name ("paper", or "paper-models": its model factor alone, the
/// demo's comparison) or a path to a suite JSON file.</summary>
public static class SuiteCatalog
{
    public static IReadOnlyList<string> BuiltIn { get; } = [PaperSuite.Name, ModelComparison, MethodsSuite.Name, NormalizationSuite.Name];

    /// <summary>The paper suite's model factor alone (<see cref="PaperSuite.CreateModelComparison"/>).</summary>
    public const string ModelComparison = "paper-models";

    public static SuiteSpec Resolve(string nameOrPath) => nameOrPath switch
    {
        PaperSuite.Name => PaperSuite.Create(),
        ModelComparison => PaperSuite.CreateModelComparison(),
        MethodsSuite.Name => MethodsSuite.Create(),
        NormalizationSuite.Name => NormalizationSuite.Create(),
        _ when File.Exists(nameOrPath) => SuiteFile.Load(nameOrPath),
        _ => throw new FileNotFoundException(
            $"suite '{nameOrPath}' is neither a built-in suite ({string.Join(", ", BuiltIn)}) nor an existing JSON file", nameOrPath),
    };
}
