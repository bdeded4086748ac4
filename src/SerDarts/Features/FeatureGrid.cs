using SerDarts.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Features;

/// <summary>
/// Turns clips into the network's fixed grid of a <see cref="FeatureSpec"/>, batched: fixed-length window,
/// the preset's features, row selection or band pooling, then max-pooling along time
/// (the rule is documented on <see cref="FeatureSpec"/>).
/// </summary>
public sealed class FeatureGrid : IDisposable
{
    private readonly FeatureExtractor extractor;

    /// <summary>Builds the extractor for <paramref name="spec"/> on <paramref name="device"/> (CPU when null).</summary>
    public FeatureGrid(FeatureSpec spec, Device? device = null)
    {
        TorchRuntime.Initialize();
        spec.Validate();
        Spec = spec;
        extractor = new FeatureExtractor(spec.Preset, device);
    }

    public FeatureSpec Spec { get; }

    /// <summary>Floats per clip: Channels * Rows * Frames.</summary>
    public int ValuesPerClip => Spec.Channels * Spec.Rows * Spec.Frames;

    /// <summary>Grids of the clips as [clips, channels, rows, frames], float32 on the CPU.</summary>
    public Tensor Compute(IReadOnlyList<float[]> clips)
    {
        using var scope = NewDisposeScope();
        var window = extractor.ComputeWindow(clips, Spec.Kind, Spec.WindowSamples); // [B, rows, W]
        var rows = Spec.Kind == FeatureKind.Mfcc ? window.narrow(1, 0, Spec.Rows) : PoolBands(window);
        var channels = rows.unsqueeze(1);                                            // [B, 1, R, W]
        if (Spec.TimePool > 1)
            channels = nn.functional.max_pool2d(channels, [1, Spec.TimePool], [1, Spec.TimePool]);
        return channels.to(ScalarType.Float32, CPU).contiguous().MoveToOuterDisposeScope();
    }

    /// <summary>Max over groups of BandPool adjacent mel bands: [B, n_mels, W] -> [B, Rows, W].</summary>
    private Tensor PoolBands(Tensor logMel)
    {
        if (Spec.BandPool == 1) return logMel;
        return nn.functional.max_pool2d(logMel.unsqueeze(1), [Spec.BandPool, 1], [Spec.BandPool, 1]).squeeze(1);
    }

    public void Dispose() => extractor.Dispose();
}
