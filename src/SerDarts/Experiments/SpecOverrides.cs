namespace SerDarts.Experiments;

/// <summary>Command-line style overrides applied to every spec of a run (null leaves a field as it is).</summary>
public sealed record SpecOverrides(
    IReadOnlyList<int>? Folds = null,
    IReadOnlyList<int>? Seeds = null,
    string? CorpusName = null,
    string? CorpusRoot = null,
    string? Device = null)
{
    public ExperimentSpec Apply(ExperimentSpec spec) => spec with
    {
        Folds = Folds ?? spec.Folds,
        Seeds = Seeds ?? spec.Seeds,
        Corpus = new CorpusSpec(CorpusName ?? spec.Corpus.Name, CorpusRoot ?? spec.Corpus.Root),
        Device = Device ?? spec.Device,
    };
}
