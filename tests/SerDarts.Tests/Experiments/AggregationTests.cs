using SerDarts.Experiments.Analysis;
using SerDarts.Experiments.Store;

namespace SerDarts.Tests.Experiments;

public class AggregationTests
{
    [Fact]
    public void Summary_is_the_mean_and_the_sample_standard_deviation()
    {
        // By hand: mean = (0.70 + 0.74 + 0.66 + 0.72) / 4 = 0.705; squared deviations 0.000025 + 0.001225 + 0.002025
        // + 0.000225 = 0.0035; sample variance 0.0035 / 3 = 0.0011666...; std = 0.0341565025531987.
        var summary = MetricSummary.Of([0.70, 0.74, 0.66, 0.72]);
        Assert.Equal(4, summary.Count);
        Assert.Equal(0.705, summary.Mean, 12);
        Assert.Equal(0.0341565025531987, summary.StandardDeviation, 12);
    }

    [Fact]
    public void One_value_has_no_standard_deviation_and_none_has_no_mean()
    {
        var one = MetricSummary.Of([0.5]);
        Assert.Equal((1, 0.5), (one.Count, one.Mean));
        Assert.True(double.IsNaN(one.StandardDeviation));
        var none = MetricSummary.Of([]);
        Assert.True(double.IsNaN(none.Mean) && double.IsNaN(none.StandardDeviation));
    }

    [Fact]
    public void Summary_of_large_equal_values_has_zero_spread()
    {
        var summary = MetricSummary.Of([1e9 + 0.1, 1e9 + 0.1, 1e9 + 0.1]);
        Assert.Equal(0, summary.StandardDeviation, 6);
    }

    [Fact]
    public void Variants_pool_every_fold_and_seed_of_their_spec()
    {
        VariantRow[] variants =
        [
            new("s", "model=cnn", "model", "cnn", 1, "cnn", "B"),
            new("s", "model=darts", "model", "darts", 0, "darts", "A"),
            new("s", "cells=4", "cells", "4", 2, "darts", "A"),
            new("s", "cells=8", "cells", "8", 3, "darts", "C"),
        ];
        TrialMetricRow[] metrics =
        [
            Row("A", 0, 0, 0.60, 0.62, 0.58, 1000), Row("A", 1, 0, 0.70, 0.71, 0.66, 1200),
            Row("A", 0, 1, 0.65, 0.64, 0.60, 1100), Row("A", 1, 1, 0.75, 0.79, 0.72, 1300),
            Row("B", 0, 0, 0.50, 0.55, 0.45, 500), Row("B", 1, 0, 0.54, 0.53, 0.49, 500),
        ];

        var rows = Aggregation.ByVariant(variants, metrics);

        Assert.Equal(["model=darts", "model=cnn", "cells=4", "cells=8"], rows.Select(r => r.Variant));
        var darts = rows[0];
        Assert.Equal((4, 2, 2), (darts.Trials, darts.Folds, darts.Seeds));
        // UA: mean 2.70 / 4 = 0.675; deviations -0.075, 0.025, -0.025, 0.075 -> squares sum 0.0125; /3 -> std 0.0645497224367903.
        Assert.Equal(0.675, darts.UnweightedAccuracy.Mean, 12);
        Assert.Equal(0.0645497224367903, darts.UnweightedAccuracy.StandardDeviation, 12);
        // WA: mean 2.76 / 4 = 0.69; deviations -0.07, 0.02, -0.05, 0.10 -> squares 0.0049 + 0.0004 + 0.0025 + 0.01 = 0.0178; /3.
        Assert.Equal(0.69, darts.WeightedAccuracy.Mean, 12);
        Assert.Equal(Math.Sqrt(0.0178 / 3), darts.WeightedAccuracy.StandardDeviation, 12);
        // F1: mean 2.56 / 4 = 0.64; deviations -0.06, 0.02, -0.04, 0.08 -> squares 0.0036 + 0.0004 + 0.0016 + 0.0064 = 0.012; /3 = 0.004.
        Assert.Equal(0.64, darts.MacroF1.Mean, 12);
        Assert.Equal(Math.Sqrt(0.004), darts.MacroF1.StandardDeviation, 12);
        Assert.Equal(1150, darts.MeanParameters, 12);
        // CNN: UA (0.50 + 0.54) / 2 = 0.52, std = |0.54 - 0.50| / sqrt(2) = 0.0282842712474619.
        Assert.Equal(0.52, rows[1].UnweightedAccuracy.Mean, 12);
        Assert.Equal(0.0282842712474619, rows[1].UnweightedAccuracy.StandardDeviation, 12);
        Assert.Equal(darts.UnweightedAccuracy, rows[2].UnweightedAccuracy); // same spec hash, same trials
        Assert.Equal(0, rows[3].Trials);
        Assert.True(double.IsNaN(rows[3].UnweightedAccuracy.Mean));
    }

    private static TrialMetricRow Row(string hash, int fold, int seed, double ua, double wa, double f1, long parameters) =>
        new(0, hash, "m", fold, seed, ua, wa, f1, parameters, "cpu", 1);
}
