namespace SerDarts.Statistics;

/// <summary>
/// One result of one trial: the metric (e.g. UA) of test speaker <paramref name="Speaker"/> under training seed
/// <paramref name="Seed"/>. Speakers are the resampling unit of every interval in this namespace: the seeds of
/// one speaker share that speaker's recordings, so they are not independent draws.
/// </summary>
public sealed record Observation(string Speaker, int Seed, double Value);
