namespace SerDarts.Experiments;

/// <summary>Where the CLI gets its trial executor.</summary>
public static class TrialExecutors
{
    /// <summary>
    /// The real executor (corpora, features, DARTS search, training, evaluation). The single integration point:
    /// the search, training and corpus layers land on other branches and are wired here when they merge.
    /// </summary>
    public static ITrialExecutor CreateDefault() =>
        throw new NotImplementedException("the trial executor (corpora + features + search + training) is wired at integration");
}
