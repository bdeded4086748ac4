using SerDarts.Corpora;
using SerDarts.Networks;
using SerDarts.Search;

namespace SerDarts.Experiments.Outcomes;

/// <summary>Wall-clock seconds of a trial's phases.</summary>
public sealed record TrialTimings(double SearchSeconds, double TrainSeconds, double EvaluateSeconds)
{
    public double TotalSeconds => SearchSeconds + TrainSeconds + EvaluateSeconds;
}
