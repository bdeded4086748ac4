namespace SerDarts.Statistics;

/// <summary>
/// One result of one trial: the metric (e.g. UA) of test speaker <paramref name="Speaker"/> under training seed
/// <paramref name="Seed"/>, inside the independent unit <paramref name="Unit"/> (the speaker itself when null).
/// Units are the resampling and testing unit of everything in this namespace: under leave-one-session-out both
/// speakers of a session share one training set, so their trials are not independent draws, and neither are the
/// seeds of one speaker.
/// </summary>
public sealed record Observation(string Speaker, int Seed, double Value, string? Unit = null)
{
    /// <summary>The unit this observation belongs to: <see cref="Unit"/>, else the speaker.</summary>
    public string UnitKey => Unit ?? Speaker;
}
