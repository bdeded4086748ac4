namespace SerDarts.Experiments.Execution;

/// <summary>Where the CLI gets its trial executor.</summary>
public static class TrialExecutors
{
    /// <summary>The real executor: corpora, cached features, DARTS search, training, evaluation.</summary>
    public static ITrialExecutor CreateDefault() => new DefaultTrialExecutor();
}
