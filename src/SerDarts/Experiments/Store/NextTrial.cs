namespace SerDarts.Experiments.Store;

/// <summary>The answer to <see cref="ResultsStore.ClaimNext"/>: the claimed trial (null when none was claimable), and
/// which of the asked-for trials are completed and which are held by other live workers.</summary>
public sealed record NextTrial(TrialClaim? Claim, IReadOnlyList<long> Completed, IReadOnlyList<long> Busy);
