using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Features;

/// <summary>
/// Standardises [N, channels, rows, frames] inputs per row: x' = (x - mean) / max(std, 1e-5), with population
/// std over valid frames only; padding frames become 0. Training-fold statistics come only from the set passed to <see cref="FitOnTraining"/>; applying them to
/// validation or test sets never changes them.
/// </summary>
public sealed class FeatureNormalizer
{
    public const double MinStd = 1e-5;

    private FeatureNormalizer(NormalizationMode mode, int channels, int rows, double[] mean, double[] std)
    {
        Mode = mode;
        Channels = channels;
        Rows = rows;
        Mean = mean;
        Std = std;
    }

    public NormalizationMode Mode { get; }

    public int Channels { get; }

    public int Rows { get; }

    /// <summary>Training-fold means, [channels * rows] (channel-major); empty per utterance.</summary>
    public IReadOnlyList<double> Mean { get; }

    /// <summary>Training-fold population standard deviations, like <see cref="Mean"/>.</summary>
    public IReadOnlyList<double> Std { get; }

    public static FeatureNormalizer PerUtterance() => new(NormalizationMode.PerUtterance, 0, 0, [], []);

    /// <summary>Statistics of the training fold only: per (channel, row) over utterances and their valid frames
    /// (<see cref="FeatureSet.ValidFrames"/>; padding is not speech), in float64.</summary>
    public static FeatureNormalizer FitOnTraining(FeatureSet train)
    {
        if (train.Count == 0) throw new ArgumentException("cannot fit normalisation statistics on an empty training set");
        using var scope = NewDisposeScope();
        var x = train.Inputs.to(ScalarType.Float64);
        var mask = Mask(train.ValidFrames, x);
        var count = mask.sum().item<double>();
        if (count == 0) throw new ArgumentException("cannot fit normalisation statistics: the training set has no valid frames");
        var mean = x.mul(mask).sum([0, 3], keepdim: true).div_(count);
        var centred = x.sub(mean).mul_(mask);
        var std = centred.mul(centred).sum([0, 3]).div_(count).sqrt_();
        return new FeatureNormalizer(NormalizationMode.TrainingFold, (int)x.shape[1], (int)x.shape[2],
            mean.flatten().data<double>().ToArray(), std.flatten().data<double>().ToArray());
    }

    /// <summary>
    /// Standardised copy of <paramref name="inputs"/> [N, C, R, F] (float32, same device); call inside a scope.
    /// With <paramref name="validFrames"/>, frames past each grid's valid ones are padding: per-utterance statistics
    /// leave them out and the output sets them to 0 (the standardised mean), as every normalisation level does.
    /// </summary>
    public Tensor Apply(Tensor inputs, int[]? validFrames = null)
    {
        if (inputs.dim() != 4) throw new ArgumentException($"expected [N, channels, rows, frames], got [{string.Join(", ", inputs.shape)}]");
        if (validFrames is not null && validFrames.Length != inputs.shape[0])
            throw new ArgumentException($"{validFrames.Length} valid-frame counts for {inputs.shape[0]} grids");
        var x = inputs.to(ScalarType.Float64);
        var mask = validFrames is null ? ones(1, 1, 1, x.shape[3], dtype: ScalarType.Float64, device: x.device) : Mask(validFrames, x);
        Tensor mean, std;
        if (Mode == NormalizationMode.PerUtterance)
        {
            var count = mask.sum([3], keepdim: true).clamp_min(1);
            mean = x.mul(mask).sum([3], keepdim: true).div_(count);
            var centred = x.sub(mean).mul_(mask);
            std = centred.mul(centred).sum([3], keepdim: true).div_(count).sqrt_();
        }
        else
        {
            if (inputs.shape[1] != Channels || inputs.shape[2] != Rows)
                throw new ArgumentException($"statistics are for {Channels} x {Rows} (channels x rows), inputs are {inputs.shape[1]} x {inputs.shape[2]}");
            mean = tensor(Mean.ToArray(), [1, Channels, Rows, 1], device: inputs.device);
            std = tensor(Std.ToArray(), [1, Channels, Rows, 1], device: inputs.device);
        }
        using var floor = MinStd.ToScalar(); // held, not a temporary the GC could finalise mid-call
        return x.sub(mean).mul_(mask).div_(std.clamp_min(floor)).to(ScalarType.Float32);
    }

    /// <summary>[N, 1, 1, F] float64: 1 on each grid's valid frames (<see cref="FrameMask"/>), 0 on its padding.</summary>
    private static Tensor Mask(int[] validFrames, Tensor x)
    {
        var valid = tensor(validFrames.Select(v => (long)v).ToArray(), device: x.device);
        return FrameMask.Of(valid, x.shape[3]).view(validFrames.Length, 1, 1, x.shape[3]).to(ScalarType.Float64);
    }

    /// <summary>A standardised copy of <paramref name="set"/> (dispose both).</summary>
    public FeatureSet Apply(FeatureSet set)
    {
        using var scope = NewDisposeScope();
        var inputs = Apply(set.Inputs, set.ValidFrames).MoveToOuterDisposeScope();
        return new FeatureSet(inputs, set.Labels, set.Ids, set.Spec, set.ValidFrames, set.Clips);
    }

    /// <summary>The statistics as JSON, to store beside a checkpoint (evaluation must reuse them).</summary>
    public string ToJson() => JsonSerializer.Serialize(new State(Mode.ToString(), Channels, Rows, [.. Mean], [.. Std]));

    public static FeatureNormalizer FromJson(string json)
    {
        var s = JsonSerializer.Deserialize<State>(json) ?? throw new InvalidDataException("empty normaliser state");
        var mode = Enum.Parse<NormalizationMode>(s.Mode);
        if (mode == NormalizationMode.TrainingFold && (s.Mean.Length != s.Channels * s.Rows || s.Std.Length != s.Mean.Length))
            throw new InvalidDataException($"normaliser state: {s.Mean.Length} means and {s.Std.Length} stds for {s.Channels} x {s.Rows}");
        return new FeatureNormalizer(mode, s.Channels, s.Rows, s.Mean, s.Std);
    }

    private sealed record State(string Mode, int Channels, int Rows, double[] Mean, double[] Std);
}
