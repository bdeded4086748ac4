using System.Text.Json.Serialization;
using SerDarts.Audio.Augmentation;

namespace SerDarts.Features;

/// <summary>
/// SpecAugment-style masking of training grids (Park et al. 2019, without time warping): per clip and epoch,
/// <see cref="FrequencyMasks"/> bands of whole rows and <see cref="TimeMasks"/> bands of whole frames, each of
/// a width drawn uniformly from 0 to floor(fraction * size), at a start drawn uniformly among the positions
/// where it fits (torchaudio's mask_along_axis). Masked values are set to 0, which after training-fold
/// normalisation is the row's mean. Widths are fractions of the grid so that one setting means the same on
/// the 128 x 128 and 64 x 64 grids.
/// </summary>
/// <param name="FrequencyMasks">Row bands per clip (0 disables).</param>
/// <param name="FrequencyWidth">Largest row band, as a fraction of the rows, in [0, 1].</param>
/// <param name="TimeMasks">Frame bands per clip (0 disables).</param>
/// <param name="TimeWidth">Largest frame band, as a fraction of the frames, in [0, 1].</param>
public sealed record MaskingSettings(int FrequencyMasks = 2, double FrequencyWidth = 0.15, int TimeMasks = 2, double TimeWidth = 0.1)
{
    /// <summary>No masks.</summary>
    public static MaskingSettings None { get; } = new(0, 0, 0, 0);

    [JsonIgnore]
    public bool IsNone => FrequencyMasks == 0 && TimeMasks == 0;

    /// <summary>Every parameter in a fixed format, e.g. "specaugment(freq_masks=2,freq_width=0.15,time_masks=2,time_width=0.1,fill=0)".</summary>
    public string CanonicalString() => IsNone
        ? "none"
        : $"specaugment(freq_masks={FrequencyMasks},freq_width={CanonicalNumber.Format(FrequencyWidth)}," +
          $"time_masks={TimeMasks},time_width={CanonicalNumber.Format(TimeWidth)},fill=0)";

    /// <summary>What is wrong with these settings (empty when valid).</summary>
    public IReadOnlyList<string> Errors()
    {
        var errors = new List<string>();
        if (FrequencyMasks is < 0 or > 16) errors.Add($"masking.frequencyMasks {FrequencyMasks} is outside 0..16");
        if (TimeMasks is < 0 or > 16) errors.Add($"masking.timeMasks {TimeMasks} is outside 0..16");
        if (!(FrequencyWidth is >= 0 and <= 1)) errors.Add($"masking.frequencyWidth {CanonicalNumber.Format(FrequencyWidth)} is outside [0, 1]");
        if (!(TimeWidth is >= 0 and <= 1)) errors.Add($"masking.timeWidth {CanonicalNumber.Format(TimeWidth)} is outside [0, 1]");
        return errors;
    }

    /// <summary>Largest band of an axis of <paramref name="size"/> rows or frames.</summary>
    internal static int MaxWidth(double fraction, int size) => (int)Math.Floor(fraction * size);
}
