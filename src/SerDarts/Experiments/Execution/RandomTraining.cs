using SerDarts.Runs;
using SerDarts.Search;
using SerDarts.Training;

namespace SerDarts.Experiments.Execution;

/// <summary>
/// The random control's K trainings of one trial (<see cref="TrialStages.TrainRandom"/>), one per drawn cell. The
/// draws share the trial's fold and seed, so they are averaged inside it like seeds inside a unit, never counted
/// as units: the test report is that of the pooled confusion (every draw scores the same clips, so its UA and WA
/// are the draws' means), the history the per-epoch mean and the parameter count the rounded mean.
/// </summary>
public sealed record RandomTraining(IReadOnlyList<RandomDraw> Draws, IReadOnlyList<TrainResult> Results, bool Completed)
{
    /// <summary>Metrics of the summed confusion matrices of the draws.</summary>
    public ClassificationReport Test
    {
        get
        {
            var first = Results[0].Test!;
            var sum = first.Confusion.Select(row => new int[row.Length]).ToArray();
            foreach (var r in Results)
                for (int t = 0; t < sum.Length; t++)
                    for (int p = 0; p < sum[t].Length; p++) sum[t][p] += r.Test!.Confusion[t][p];
            return ClassificationMetrics.FromConfusion(sum, first.Classes);
        }
    }

    /// <summary>Per epoch, the mean of the draws' records (learning rates are equal; scores and losses averaged).</summary>
    public IReadOnlyList<EpochRecord> History =>
        Enumerable.Range(0, Results.Min(r => r.History.Count)).Select(i =>
        {
            var e = Results.Select(r => r.History[i]).ToList();
            return new EpochRecord(i + 1, e[0].LearningRate, e.Average(x => x.TrainLoss), e.Average(x => x.TrainAccuracy),
                e.Average(x => x.ValidationLoss), e.Average(x => x.ValidationUnweightedAccuracy), e.Average(x => x.TestUnweightedAccuracy),
                e.Average(x => x.TestWeightedAccuracy), e.Sum(x => x.Seconds));
        }).ToList();

    /// <summary>The draws' mean parameter count, rounded.</summary>
    public long Parameters => (long)Math.Round(Results.Average(r => (double)r.Parameters), MidpointRounding.AwayFromZero);
}
