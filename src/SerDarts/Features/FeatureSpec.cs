using System.Security.Cryptography;
using System.Text;
using SerDarts.Experiments.Specs;

namespace SerDarts.Features;

/// <summary>
/// The network input grid: <see cref="Rows"/> x <see cref="Frames"/> per channel, from a fixed-length window.
/// <para>The fixed-length rule: the waveform is cropped to its first <see cref="WindowSamples"/> =
/// (Frames * TimePool - 1) * hop samples, or zero-padded at the end to that length (silence). The preset's
/// centred STFT then yields exactly Frames * TimePool frames, top_db clipping uses the window's maximum, and
/// non-overlapping max-pooling by <see cref="TimePool"/> along time leaves <see cref="Frames"/> frames.
/// Rows: MFCC keeps the first <see cref="Rows"/> coefficients; log-mel max-pools groups of
/// <see cref="BandPool"/> adjacent mel bands (BandPool * Rows = n_mels).</para>
/// </summary>
/// <remarks>Samples, when set, replaces the window length of the rule (it must
/// still give Frames * TimePool centred frames): the emoDARTS grid takes exactly 8 s.</remarks>
public sealed record FeatureSpec(
    FeaturePreset Preset,
    FeatureKind Kind,
    int Rows,
    int Frames,
    int TimePool = 1,
    int BandPool = 1,
    int? Samples = null)
{
    /// <summary>Bumped whenever the computation changes in a way that must invalidate cached features.</summary>
    public const int AlgorithmVersion = 1;

    /// <summary>
    /// The seed paper's input: 128 x 128 from the paper preset, 128 frames of 32 ms hop (a 4.06 s window),
    /// no pooling. <see cref="FeatureKind.Spectrogram"/> (the ablation) maps to the log-mel spectrogram on the same grid.
    /// </summary>
    public static FeatureSpec Paper(FeatureKind kind) =>
        new(FeaturePreset.Paper, NetworkKind(kind), 128, 128);

    /// <summary>
    /// A 64 x 64 grid for CPU searches, over the same 4.06 s window as <see cref="Paper"/>: its 128 frames
    /// max-pooled by 2 along time; rows are the first 64 MFCCs, or the 128 mel bands max-pooled in pairs.
    /// </summary>
    public static FeatureSpec Small(FeatureKind kind)
    {
        var k = NetworkKind(kind);
        return new(FeaturePreset.Paper, k, 64, 64, TimePool: 2, BandPool: k == FeatureKind.LogMel ? 2 : 1);
    }

    /// <summary>
    /// jayaneetha/emoDARTS' input: the first 8 s (262 000 samples at 32 750 Hz, zero-padded at the end when
    /// shorter), 512 centred frames of the emodarts preset, max-pooled by 4 along time to 128 x 128.
    /// </summary>
    public static FeatureSpec Emodarts(FeatureKind kind) =>
        new(FeaturePreset.Emodarts, NetworkKind(kind), 128, 128, TimePool: 4, Samples: 8 * FeaturePreset.Emodarts.SampleRate);

    /// <summary>"paper", "small" or "emodarts".</summary>
    public static FeatureSpec FromName(string grid, FeatureKind kind) => grid.Trim().ToLowerInvariant() switch
    {
        "paper" => Paper(kind),
        "small" => Small(kind),
        "emodarts" => Emodarts(kind),
        _ => throw new ArgumentException($"unknown feature grid '{grid}': use paper, small or emodarts"),
    };

    /// <summary>One channel: every network stem reads a single-channel image.</summary>
    public int Channels => 1;

    /// <summary>STFT frames computed before time pooling.</summary>
    public int WindowFrames => Frames * TimePool;

    /// <summary>
    /// Samples of the fixed-length window: <see cref="Samples"/> if set, else (WindowFrames - 1) * hop, which
    /// centred frames turn into WindowFrames.
    /// </summary>
    public int WindowSamples => Samples ?? (WindowFrames - 1) * Preset.HopLength;

    /// <summary>
    /// Grid frames that hold a clip of <paramref name="samples"/> samples (at the preset's rate): the rest of the
    /// grid is the fixed-length rule's zero padding. A centred frame holds audio when its centre lies inside the
    /// clip, so ceil(samples / hop) of the window's frames do; time pooling keeps a pooled frame with any of them.
    /// </summary>
    public int ValidFrames(int samples)
    {
        int inWindow = Math.Min(Math.Max(samples, 1), WindowSamples);
        int frames = Math.Clamp((inWindow + Preset.HopLength - 1) / Preset.HopLength, 1, WindowFrames);
        return Math.Clamp((frames + TimePool - 1) / TimePool, 1, Frames);
    }

    /// <summary>Throws unless the grid can be produced from the preset by the documented rule.</summary>
    public void Validate()
    {
        Preset.Validate();
        if (!Preset.Center) throw Invalid("the fixed-length rule needs centred frames");
        if (Rows <= 0 || Frames <= 0 || TimePool <= 0 || BandPool <= 0) throw Invalid("sizes and pools must be positive");
        if (Samples is { } n && Preset.FrameCount(n) != WindowFrames)
            throw Invalid($"a window of {n} samples gives {Preset.FrameCount(n)} centred frames, not Frames * TimePool = {WindowFrames}");
        switch (Kind)
        {
            case FeatureKind.Mfcc when BandPool != 1 || Rows > Preset.NMfcc:
                throw Invalid($"MFCC rows keep the first coefficients: need BandPool 1 and Rows <= n_mfcc ({Preset.NMfcc})");
            case FeatureKind.LogMel when Rows * BandPool != Preset.NMels:
                throw Invalid($"log-mel needs Rows * BandPool = n_mels ({Preset.NMels})");
            case FeatureKind.Spectrogram:
                throw Invalid("network inputs use the log-mel spectrogram for the spectrogram ablation: use FeatureSpec.Paper(kind) or FeatureKind.LogMel");
        }
    }

    /// <summary>Everything that determines the values, in a fixed format: the identity of cached features.</summary>
    public string CanonicalString() =>
        $"serdarts.features/v{AlgorithmVersion}|{Preset.CanonicalString()}|kind={Kind.Name()}|rows={Rows}|frames={Frames}" +
        // "deltas=False": the retired deltas option stays in the text so that cached features keep their keys.
        $"|time_pool={TimePool}|band_pool={BandPool}|deltas=False|window=first,zero-pad-end" +
        (Samples is { } n ? $",samples={n}" : ""); // absent when derived, so earlier specs keep their hashes

    /// <summary>First 16 hex digits of the SHA-256 of <see cref="CanonicalString"/>.</summary>
    public string SpecHash() =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalString())))[..16].ToLowerInvariant();

    /// <summary>Short human description, e.g. "paper mfcc 128x128".</summary>
    public override string ToString() =>
        $"{Preset.Name} {Kind.Name()} {Rows}x{Frames}" + (TimePool > 1 ? $" time-pool {TimePool}" : "") +
        (BandPool > 1 ? $" band-pool {BandPool}" : "") + (Samples is { } n ? $" window {n} samples" : "");

    private static FeatureKind NetworkKind(FeatureKind kind) => kind == FeatureKind.Spectrogram ? FeatureKind.LogMel : kind;

    private ArgumentException Invalid(string why) => new($"feature spec {this}: {why}");
}
