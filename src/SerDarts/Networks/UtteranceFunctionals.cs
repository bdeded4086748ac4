using SerDarts.Features;
using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Networks;

/// <summary>
/// Utterance-level functionals of the frames a model receives (the ComParE / eGeMAPS tradition), computed over each
/// clip's valid frames only (<see cref="FrameMask"/>): padding never enters a statistic. Every input row (MFCC or
/// log-mel coefficient) gets the same functionals; c0 of the MFCC and the low log-mel bands carry the energy.
/// Output columns, group by group in <see cref="All"/> order, rows inside each group.
/// </summary>
public static class UtteranceFunctionals
{
    /// <summary>Mean over the valid frames.</summary>
    public const string Mean = "mean";

    /// <summary>Population standard deviation (numpy's default, ddof 0).</summary>
    public const string Std = "std";

    /// <summary>The 10th, 50th and 90th percentiles, linear between order statistics (numpy's default).</summary>
    public const string Percentiles = "percentiles";

    /// <summary>Least-squares slope against the frame index (per frame; 0 for a one-frame clip).</summary>
    public const string Slope = "slope";

    /// <summary>log of the valid frame count: one column, the clip's duration.</summary>
    public const string Duration = "duration";

    public static IReadOnlyList<string> All { get; } = [Mean, Std, Percentiles, Slope, Duration];

    /// <summary>The set the linear baseline reads unless told otherwise (docs/arch/darts.md says why).</summary>
    public static IReadOnlyList<string> Default { get; } = [Mean, Std, Percentiles, Slope, Duration];

    /// <summary>Quantiles of <see cref="Percentiles"/>.</summary>
    public static IReadOnlyList<double> Quantiles { get; } = [0.1, 0.5, 0.9];

    /// <summary>Columns for <paramref name="rows"/> input rows.</summary>
    public static int Count(IReadOnlyList<string> groups, long rows) => (int)groups.Sum(g => g switch
    {
        Percentiles => Quantiles.Count * rows,
        Duration => 1,
        _ => rows,
    });

    /// <summary>[N, <see cref="Count"/>] float64 functionals of <paramref name="x"/> [N, C, F, T] (C x F rows) whose
    /// first <paramref name="validFrames"/>[n] frames (int64 [N], clamped to 1..T) hold the clip.</summary>
    public static Tensor Compute(Tensor x, Tensor validFrames, IReadOnlyList<string> groups)
    {
        using var scope = torch.NewDisposeScope();
        var v = x.to(ScalarType.Float64).flatten(1, 2); // [N, R, T]
        long steps = v.shape[2];
        var valid = validFrames.to(ScalarType.Int64).clamp(1, steps);
        var keep = FrameMask.Of(valid, steps).unsqueeze(1); // [N, 1, T]
        var mask = keep.to(ScalarType.Float64);
        var n = valid.to(ScalarType.Float64).unsqueeze(1); // [N, 1]
        var mean = v.mul(mask).sum(2).div(n); // [N, R]
        var centred = v.sub(mean.unsqueeze(2)).mul(mask);
        var columns = new List<Tensor>();
        foreach (var group in All.Where(groups.Contains))
        {
            switch (group)
            {
                case Mean: columns.Add(mean); break;
                case Std: columns.Add(centred.pow(2).sum(2).div(n).sqrt()); break;
                case Percentiles: columns.AddRange(Quantile(v, keep, n)); break;
                case Slope:
                    var t = torch.arange(steps, ScalarType.Float64, device: v.device).view(1, 1, steps);
                    var dt = t.sub(n.sub(1).div(2).unsqueeze(2)).mul(mask); // frame index minus its mean, valid frames
                    var sxx = dt.pow(2).sum(2); // [N, 1]; 0 for a one-frame clip, whose sxy is 0 too
                    columns.Add(dt.mul(centred).sum(2).div(sxx.clamp_min(1e-12)));
                    break;
                case Duration: columns.Add(n.log()); break;
            }
        }
        return torch.cat(columns, 1).MoveToOuterDisposeScope();
    }

    /// <summary>Each quantile [N, R]: padding sorts last as +inf, then numpy's linear rule on the first n values.</summary>
    private static IEnumerable<Tensor> Quantile(Tensor v, Tensor keep, Tensor n)
    {
        var sorted = v.masked_fill(keep.logical_not(), double.PositiveInfinity).sort(2).Values;
        long rows = v.shape[1];
        foreach (var q in Quantiles)
        {
            var position = n.sub(1).mul(q); // [N, 1]
            var lower = position.floor();
            var fraction = position.sub(lower);
            var below = sorted.gather(2, lower.to(ScalarType.Int64).unsqueeze(2).expand(-1, rows, 1)).squeeze(2);
            var above = sorted.gather(2, position.ceil().to(ScalarType.Int64).unsqueeze(2).expand(-1, rows, 1)).squeeze(2);
            yield return below.add(above.sub(below).mul(fraction));
        }
    }
}
