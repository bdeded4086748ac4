using SerDarts.Corpora;
using SerDarts.Statistics;

namespace SerDarts.Experiments.Analysis;

/// <summary>Everything <see cref="StoreStatistics.ReadStatistics"/> computes for one suite.
/// <see cref="Optimistic"/> scores each trial the authors' way (its best epoch on the test speakers, one
/// observation per fold): shown next to the honest levels, labelled, never compared with them.</summary>
public sealed record SuiteReport(string Suite, IReadOnlyList<SpeakerResult> Speakers, IReadOnlyList<LevelStatistics> Levels,
    IReadOnlyList<LevelComparison> Comparisons, IReadOnlyList<DurationBucket> Durations, IReadOnlyList<LevelStatistics> Optimistic);
