using System.Globalization;
using System.Text.Json;

namespace SerDarts.Features;

/// <summary>
/// Every parameter of the STFT -> mel -> dB -> DCT pipeline, named as in torchaudio/librosa. The two named
/// presets carry exactly the parameters of the torchaudio reference fixtures (shared/fixtures/features/params.json).
/// </summary>
/// <remarks>Name is a label only, not part of <see cref="CanonicalString"/>. TopDb: dynamic range kept below the
/// clip's maximum in dB (null keeps everything above 1e-10). OrthonormalDct: DCT-II with norm="ortho"; false
/// gives torchaudio's norm=None (scaled by 2).</remarks>
public sealed record FeaturePreset(
    string Name,
    int SampleRate,
    int NFft,
    int WinLength,
    int HopLength,
    int NMels,
    int NMfcc,
    double FMin,
    double FMax,
    bool Center,
    PadMode PadMode,
    double Power,
    MelScale MelScale,
    MelNorm MelNorm,
    double? TopDb,
    bool OrthonormalDct)
{
    /// <summary>The seed paper's setting: 16 kHz, n_fft 2048, hop 512, 128 Slaney mels (area-normalised), 128 MFCC.</summary>
    public static FeaturePreset Paper { get; } = new(
        "paper", 16000, 2048, 2048, 512, 128, 128, 0.0, 8000.0, true, PadMode.Constant, 2.0,
        MelScale.Slaney, MelNorm.Slaney, 80.0, true);

    /// <summary>
    /// jayaneetha/emoDARTS' MFCC: librosa 0.9.2 defaults at their sample rate, 32 750 Hz (librosa.load resamples
    /// to it): n_fft 2048, hop 512, 128 Slaney mels over 0 Hz to Nyquist, zero-padded centred frames, power to dB
    /// with top_db 80, orthonormal DCT-II, 128 MFCC.
    /// </summary>
    public static FeaturePreset Emodarts { get; } = new(
        "emodarts", 32750, 2048, 2048, 512, 128, 128, 0.0, 16375.0, true, PadMode.Constant, 2.0,
        MelScale.Slaney, MelNorm.Slaney, 80.0, true);

    /// <summary>Common speech setting: 25 ms windows every 10 ms, 64 HTK mels over 20-7600 Hz, 40 MFCC.</summary>
    public static FeaturePreset Speech { get; } = new(
        "speech", 16000, 512, 400, 160, 64, 40, 20.0, 7600.0, true, PadMode.Reflect, 2.0,
        MelScale.Htk, MelNorm.None, 80.0, true);

    /// <summary>Number of one-sided frequency bins, n_fft / 2 + 1.</summary>
    public int FrequencyBins => NFft / 2 + 1;

    /// <summary>"paper", "speech" or "emodarts".</summary>
    public static FeaturePreset FromName(string name) => name.Trim().ToLowerInvariant() switch
    {
        "paper" => Paper,
        "speech" => Speech,
        "emodarts" => Emodarts,
        _ => throw new ArgumentException($"unknown feature preset '{name}': use paper, speech or emodarts"),
    };

    /// <summary>Frames of a clip of <paramref name="samples"/> samples (torch.stft's count).</summary>
    public int FrameCount(int samples) =>
        Center ? 1 + samples / HopLength : samples < NFft ? 0 : 1 + (samples - NFft) / HopLength;

    /// <summary>Rows of a full-length matrix of <paramref name="kind"/>.</summary>
    public int Rows(FeatureKind kind) => kind switch
    {
        FeatureKind.Spectrogram => FrequencyBins,
        FeatureKind.LogMel => NMels,
        FeatureKind.Mfcc => NMfcc,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>All numeric parameters in a fixed order and invariant format: the identity used by caches.</summary>
    public string CanonicalString() => string.Join(";",
        $"sr={SampleRate}", $"n_fft={NFft}", $"win={WinLength}", $"hop={HopLength}", $"n_mels={NMels}",
        $"n_mfcc={NMfcc}", $"f_min={Num(FMin)}", $"f_max={Num(FMax)}", "window=hann", $"center={Center}",
        $"pad={PadMode}", $"power={Num(Power)}", $"mel_scale={MelScale}", $"mel_norm={MelNorm}",
        $"top_db={(TopDb is { } t ? Num(t) : "none")}", $"dct={(OrthonormalDct ? "ortho" : "none")}");

    /// <summary>Reads one parameter set in the layout of the fixtures' params.json (torchaudio names).</summary>
    public static FeaturePreset FromJson(string name, JsonElement p)
    {
        string window = p.GetProperty("window").GetString() ?? "";
        if (window != "hann") throw new NotSupportedException($"preset '{name}': only the hann window is supported, not '{window}'");
        return new FeaturePreset(
            name, p.GetProperty("sample_rate").GetInt32(), p.GetProperty("n_fft").GetInt32(),
            p.GetProperty("win_length").GetInt32(), p.GetProperty("hop_length").GetInt32(),
            p.GetProperty("n_mels").GetInt32(), p.GetProperty("n_mfcc").GetInt32(),
            p.GetProperty("f_min").GetDouble(), p.GetProperty("f_max").GetDouble(),
            p.GetProperty("center").GetBoolean(),
            p.GetProperty("pad_mode").GetString() == "reflect" ? PadMode.Reflect : PadMode.Constant,
            p.GetProperty("power").GetDouble(),
            p.GetProperty("mel_scale").GetString() == "htk" ? MelScale.Htk : MelScale.Slaney,
            p.GetProperty("mel_norm").ValueKind == JsonValueKind.Null ? MelNorm.None : MelNorm.Slaney,
            p.GetProperty("top_db").ValueKind == JsonValueKind.Null ? null : p.GetProperty("top_db").GetDouble(),
            p.GetProperty("dct_norm").GetString() == "ortho");
    }

    /// <summary>Throws when the parameters cannot describe a valid pipeline.</summary>
    public void Validate()
    {
        if (SampleRate <= 0 || NFft <= 0 || HopLength <= 0) throw Invalid("sample rate, n_fft and hop must be positive");
        if (NFft % 2 != 0) throw Invalid("n_fft must be even");
        if (WinLength <= 0 || WinLength > NFft) throw Invalid("win_length must be in 1..n_fft");
        if (NMels <= 0 || NMfcc <= 0 || NMfcc > NMels) throw Invalid("need 0 < n_mfcc <= n_mels");
        if (FMin < 0 || FMax <= FMin || FMax > SampleRate / 2.0) throw Invalid("need 0 <= f_min < f_max <= sample_rate/2");
        if (Power <= 0) throw Invalid("power must be positive");
    }

    private ArgumentException Invalid(string why) => new($"feature preset '{Name}': {why}");

    private static string Num(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
