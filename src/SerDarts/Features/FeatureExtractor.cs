using SerDarts.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Features;

/// <summary>
/// Power spectrogram, log-mel (dB) and MFCC of a preset, batched on TorchSharp (CPU or GPU). The window,
/// mel filterbank and DCT basis are built once in float64 and kept on the device; clips are centre-padded
/// on the host into one reused array that a tensor shares, framed with a strided view, and go through one
/// rfft, a banded mel product and the DCT product per batch. One instance is not thread-safe (the staging
/// array is shared): use one extractor per thread.
/// </summary>
public sealed class FeatureExtractor : IDisposable
{
    private readonly Tensor window;    // [n_fft]
    private readonly BandedMelProjection mel;
    private readonly Tensor dctBasis;  // [n_mels, n_mfcc]
    private readonly Scalars scalars;
    private readonly ScalarType dtype;
    private readonly Device device;
    private float[] host = [];                         // padded clips of the current batch, grown on demand
    private Tensor staging = empty(0, dtype: ScalarType.Float32).DetachFromDisposeScope(); // a view of host

    /// <summary>Builds the constants for <paramref name="preset"/> on <paramref name="device"/> (CPU when null)
    /// in <paramref name="dtype"/>: Float32 (default; meets the 1e-4 parity tolerance) or Float64.</summary>
    public FeatureExtractor(FeaturePreset preset, Device? device = null, ScalarType dtype = ScalarType.Float32)
    {
        TorchRuntime.Initialize();
        preset.Validate();
        Preset = preset;
        this.dtype = dtype;
        this.device = device ?? CPU;
        window = Constant(StftWindow.PeriodicHann(preset.WinLength, preset.NFft), preset.NFft);
        mel = new BandedMelProjection(MelFilterbank.Create(preset), dtype, this.device);
        dctBasis = Constant(DctMatrix.Create(preset.NMels, preset.NMfcc, preset.OrthonormalDct));
        scalars = new Scalars(preset);
    }

    public FeaturePreset Preset { get; }

    /// <summary>The full-length matrix [rows, frames] of one clip, in float64 (for dumps and parity checks).</summary>
    public double[,] ComputeMatrix(float[] samples, FeatureKind kind)
    {
        using var batch = Compute([samples], kind);
        return batch.Matrix(0);
    }

    /// <summary>
    /// Full-length features of clips of any lengths in one batch: [clips, rows, max frames] on the device.
    /// Each clip is padded and clipped (top_db) on its own, exactly as if it were computed alone.
    /// </summary>
    public FeatureBatch Compute(IReadOnlyList<float[]> clips, FeatureKind kind)
    {
        var frames = clips.Select(c => Preset.FrameCount(c.Length)).ToArray();
        using var scope = NewDisposeScope();
        var padded = Stage(clips, null);
        bool sameLength = frames.All(f => f == frames[0]);
        var result = Pipeline(padded, kind, sameLength ? null : frames);
        return new FeatureBatch(result.MoveToOuterDisposeScope(), frames);
    }

    /// <summary>
    /// Features of a fixed-length window of every clip: each clip is cropped to its first
    /// <paramref name="samples"/> samples or zero-padded at the end to that length, then computed as a whole
    /// clip. Returns [clips, rows, FrameCount(samples)] on the device; call inside a dispose scope.
    /// </summary>
    public Tensor ComputeWindow(IReadOnlyList<float[]> clips, FeatureKind kind, int samples) =>
        Pipeline(Stage(clips, samples), kind, null);

    /// <summary>
    /// Features of equal-length clips already in a tensor [clips, samples] (any device): [clips, rows, frames].
    /// Call inside a dispose scope.
    /// </summary>
    public Tensor Compute(Tensor waveforms, FeatureKind kind)
    {
        if (waveforms.dim() != 2) throw new ArgumentException($"expected [clips, samples], got [{string.Join(", ", waveforms.shape)}]");
        var x = waveforms.to(dtype, device);
        if (Preset.Center)
        {
            var mode = Preset.PadMode == PadMode.Reflect ? PaddingModes.Reflect : PaddingModes.Constant;
            x = nn.functional.pad(x.unsqueeze(1), [Preset.NFft / 2, Preset.NFft / 2], mode).squeeze(1);
        }
        return Pipeline(x, kind, null);
    }

    /// <summary>
    /// Writes every clip (or its fixed-length window) centre-padded into a row of the reused host buffer,
    /// zeros after a short row's end, and returns the rows as a tensor on the device.
    /// </summary>
    private Tensor Stage(IReadOnlyList<float[]> clips, int? fixedSamples)
    {
        if (clips.Count == 0) throw new ArgumentException("no clips to compute features for", nameof(clips));
        int pad = Preset.Center ? Preset.NFft / 2 : 0;
        int width = (fixedSamples ?? clips.Max(c => c.Length)) + 2 * pad;
        int needed = checked(clips.Count * width);
        if (host.Length < needed)
        {
            staging.Dispose();
            host = new float[needed];
            staging = from_array(host).DetachFromDisposeScope(); // shares (pins) the array: no copy per batch
        }
        for (int i = 0; i < clips.Count; i++)
        {
            var row = host.AsSpan(i * width, width);
            int length = fixedSamples ?? clips[i].Length, copied = Math.Min(length, clips[i].Length);
            clips[i].AsSpan(0, copied).CopyTo(row.Slice(pad, copied));
            row.Slice(pad + copied, length - copied).Clear();
            if (pad > 0) CentrePadding.ApplyInPlace(row, pad, length, Preset.PadMode);
            row[(length + 2 * pad)..].Clear();
        }
        return staging.narrow(0, 0, needed).view(clips.Count, width).to(dtype, device);
    }

    /// <summary>Padded signals [B, T] -> features [B, rows, frames]; frames beyond a clip's count are padding.</summary>
    private Tensor Pipeline(Tensor padded, FeatureKind kind, int[]? validFrames)
    {
        var frames = padded.unfold(1, Preset.NFft, Preset.HopLength);        // [B, F, n_fft], a view
        var spectrum = fft.rfft(frames * window, dim: -1);                    // [B, F, n_freqs]
        var parts = view_as_real(spectrum);                                   // [B, F, n_freqs, 2]
        if (kind == FeatureKind.Spectrogram)
            return PowerSpectrum(parts).transpose(1, 2).contiguous();          // [B, n_freqs, F]
        var squares = parts.mul(parts).flatten(2);                           // [B, F, 2 n_freqs]
        if (Preset.Power != 2.0) // both interleaved columns carry half of |X|^power (halving and doubling are exact)
            squares = PowerSpectrum(parts).mul_(scalars.Half).repeat_interleave(2, -1);
        var db = mel.Apply(squares).clamp_min_(scalars.Amin).log10_().mul_(scalars.Ten); // [B, F, n_mels]
        if (Preset.TopDb is not null) db = ClipToTopDb(db, validFrames);
        if (kind == FeatureKind.LogMel) return db.transpose(1, 2).contiguous();
        return db.matmul(dctBasis).transpose(1, 2).contiguous();              // [B, n_mfcc, F]
    }

    /// <summary>|X|^power from the real and imaginary parts (summing the size-2 axis with sum(-1) is slow).</summary>
    private Tensor PowerSpectrum(Tensor parts)
    {
        var re = parts.select(-1, 0);
        var im = parts.select(-1, 1);
        var power = re.mul(re).add_(im.mul(im));
        return Preset.Power == 2.0 ? power : power.pow_(scalars.HalfPower);
    }

    /// <summary>max(db, max over the clip's own frames - top_db), per clip.</summary>
    private Tensor ClipToTopDb(Tensor db, int[]? validFrames)
    {
        Tensor peak;
        if (validFrames is null) peak = db.amax([1, 2], keepdim: true);
        else
        {
            var lengths = tensor(validFrames, device: db.device).view(-1, 1);
            var frameIndex = tensor(Enumerable.Range(0, (int)db.shape[1]).ToArray(), device: db.device).view(1, -1);
            var padding = frameIndex.ge(lengths).unsqueeze(-1);
            peak = db.masked_fill(padding, scalars.MinusInfinity).amax([1, 2], keepdim: true);
        }
        return db.maximum(peak.sub_(scalars.TopDb));
    }

    // Constants outlive any dispose scope the extractor happens to be created in.
    private Tensor Constant(double[,] values)
    {
        using var scope = NewDisposeScope();
        return tensor(values, dtype: ScalarType.Float64).to(dtype, device).DetachFromDisposeScope();
    }

    private Tensor Constant(double[] values, long length)
    {
        using var scope = NewDisposeScope();
        return tensor(values, [length], dtype: ScalarType.Float64).to(dtype, device).DetachFromDisposeScope();
    }

    public void Dispose()
    {
        window.Dispose();
        mel.Dispose();
        dctBasis.Dispose();
        staging.Dispose();
        scalars.Dispose();
    }

    /// <summary>
    /// Scalars the pipeline passes to torch, made once and held for the extractor's lifetime: a temporary
    /// Scalar (implicit conversion) can be finalised by the GC while the native call still uses it.
    /// </summary>
    private sealed class Scalars(FeaturePreset preset) : IDisposable
    {
        public Scalar Half { get; } = 0.5.ToScalar();
        public Scalar Amin { get; } = 1e-10.ToScalar();
        public Scalar Ten { get; } = 10.0.ToScalar();
        public Scalar HalfPower { get; } = (preset.Power / 2.0).ToScalar();
        public Scalar TopDb { get; } = (preset.TopDb ?? 0.0).ToScalar();
        public Scalar MinusInfinity { get; } = double.NegativeInfinity.ToScalar();

        public void Dispose()
        {
            foreach (var s in new[] { Half, Amin, Ten, HalfPower, TopDb, MinusInfinity }) s.Dispose();
        }
    }
}
