using SerDarts.Runtime;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using SerDarts.Audio.Augmentation;

namespace SerDarts.Features;

/// <summary>
/// Data augmentation of the training part of a fold (never of validation or test): a pool of waveform
/// transforms, each giving every training clip one extra copy (or <see cref="CopiesPerClip"/> of them drawn per
/// clip), and SpecAugment masking of the training batches. JSON-friendly (camelCase names); the lead puts it
/// in the experiment spec, whose hash it then joins. <see cref="None"/> (the default) changes nothing.
/// </summary>
/// <param name="SpeedFactors">Speed perturbation factors (<see cref="SpeedPerturbation"/>), e.g. [0.9, 1.1]; 1 is the original clip and is not listed.</param>
/// <param name="NoiseSnrDb">Additive white noise SNRs in dB (<see cref="AdditiveNoise"/>), e.g. [20, 10].</param>
/// <param name="PitchSemitones">Pitch shifts in semitones (<see cref="PitchShift"/>), e.g. [-2, 2].</param>
/// <param name="CopiesPerClip">Null: every transform of the pool once per clip. k: k distinct transforms per clip,
/// drawn from the pool by (<see cref="Seed"/>, utterance id).</param>
/// <param name="Seed">Seed of the noise and of the per-clip draws (the masks also take the trial seed).</param>
/// <param name="Masking">SpecAugment masking of training batches; null for none.</param>
public sealed record AugmentationSettings(
    IReadOnlyList<double>? SpeedFactors = null,
    IReadOnlyList<double>? NoiseSnrDb = null,
    IReadOnlyList<double>? PitchSemitones = null,
    int? CopiesPerClip = null,
    long Seed = 0,
    MaskingSettings? Masking = null)
{
    /// <summary>Bumped whenever the meaning of the settings changes.</summary>
    public const int Version = 1;

    /// <summary>No augmentation.</summary>
    public static AugmentationSettings None { get; } = new();

    /// <summary>True when nothing is augmented: an empty pool and no masks.</summary>
    [JsonIgnore]
    public bool IsNone => PoolSize == 0 && MaskingOrNone.IsNone;

    /// <summary>Transforms listed (valid or not).</summary>
    [JsonIgnore]
    public int PoolSize => (SpeedFactors?.Count ?? 0) + (NoiseSnrDb?.Count ?? 0) + (PitchSemitones?.Count ?? 0);

    /// <summary>Masks of training batches (<see cref="MaskingSettings.None"/> when null).</summary>
    [JsonIgnore]
    public MaskingSettings MaskingOrNone => Masking ?? MaskingSettings.None;

    /// <summary>The waveform transforms, in order: speed factors, noise SNRs, pitch shifts. Throws on invalid values.</summary>
    public IReadOnlyList<IWaveformTransform> Pool() =>
    [
        .. (SpeedFactors ?? []).Select(f => new SpeedPerturbation(f)),
        .. (NoiseSnrDb ?? []).Select(snr => new AdditiveNoise(snr, Seed)),
        .. (PitchSemitones ?? []).Select(s => new PitchShift(s)),
    ];

    /// <summary>The transforms whose copies of utterance <paramref name="utteranceId"/> join the training set, in
    /// pool order: the whole pool, or <see cref="CopiesPerClip"/> of it drawn without replacement.</summary>
    public IReadOnlyList<IWaveformTransform> TransformsFor(string utteranceId)
    {
        var pool = Pool();
        if (CopiesPerClip is not int k || k >= pool.Count) return pool;
        var order = Seeds.Permutation(pool.Count, Seeds.Derive(Seed, IdKey(utteranceId), 0xA06));
        return order.Take(k).Order().Select(i => pool[i]).ToArray();
    }

    /// <summary>Every setting in a fixed format: "none", or e.g.
    /// "augment/v1|speed=0.9,1.1|noise_snr_db=20|pitch=|copies=all|seed=0|masking=none".</summary>
    public string CanonicalString() => IsNone
        ? "none"
        : $"augment/v{Version}|speed={List(SpeedFactors)}|noise_snr_db={List(NoiseSnrDb)}|pitch={List(PitchSemitones)}" +
          $"|copies={CopiesPerClip?.ToString(CultureInfo.InvariantCulture) ?? "all"}|seed={Seed}|masking={MaskingOrNone.CanonicalString()}";

    /// <summary>What is wrong with these settings (empty when valid), phrased with the JSON names.</summary>
    public IReadOnlyList<string> Errors()
    {
        var errors = new List<string>();
        Check(errors, "speedFactors", SpeedFactors, SpeedPerturbation.Problem);
        Check(errors, "noiseSnrDb", NoiseSnrDb, AdditiveNoise.Problem);
        Check(errors, "pitchSemitones", PitchSemitones, PitchShift.Problem);
        if (CopiesPerClip is int k && (k < 1 || k > PoolSize))
            errors.Add($"augmentation.copiesPerClip {k} must lie in 1..{PoolSize} (the transforms listed), or be null for all of them");
        errors.AddRange(MaskingOrNone.Errors().Select(e => "augmentation." + e));
        return errors;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem, or returns these settings.</summary>
    public AugmentationSettings EnsureValid()
    {
        var errors = Errors();
        return errors.Count == 0 ? this : throw new ArgumentException($"invalid augmentation settings: {string.Join("; ", errors)}");
    }

    // Value equality over the settings (the lists would otherwise compare by reference).
    public bool Equals(AugmentationSettings? other) => other is not null && CanonicalString() == other.CanonicalString();

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(CanonicalString());

    private static void Check(List<string> errors, string name, IReadOnlyList<double>? values, Func<double, string?> problem)
    {
        if (values is null) return;
        errors.AddRange(values.Select(problem).OfType<string>().Select(p => $"augmentation.{name}: {p}"));
        if (values.Distinct().Count() != values.Count) errors.Add($"augmentation.{name} lists a value twice");
    }

    private static string List(IReadOnlyList<double>? values) =>
        string.Join(",", (values ?? []).Select(CanonicalNumber.Format));

    private static long IdKey(string id) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(id)), 0);
}
