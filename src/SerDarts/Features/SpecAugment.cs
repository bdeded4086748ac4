using SerDarts.Runtime;
using static TorchSharp.torch;

namespace SerDarts.Features;

/// <summary>
/// SpecAugment masking of training batches (<see cref="MaskingSettings"/>). The bands of a clip are a function of
/// (seed, epoch, clip key) only, so an epoch replays identically after a resume and whatever the batch order.
/// For training batches only: validation and test inputs are never masked.
/// </summary>
public static class SpecAugment
{
    /// <summary>The bands of one clip in one epoch on a rows x frames grid: frequency bands first, then time
    /// bands. <paramref name="clip"/> is a stable key of the clip, e.g. its row in the training set.</summary>
    public static IReadOnlyList<MaskBand> Draw(MaskingSettings settings, int rows, int frames, long seed, int epoch, long clip)
    {
        ulong state = (ulong)Seeds.Derive(seed, epoch, clip, 0x5EC7);
        int Uniform(int inclusiveMax) => // multiply-shift on the top 32 bits: bias below 2^-32 * n
            (int)(((Seeds.Mix(state += 0x9E3779B97F4A7C15UL) >> 32) * (ulong)(inclusiveMax + 1)) >> 32);
        var bands = new List<MaskBand>(settings.FrequencyMasks + settings.TimeMasks);
        void Add(MaskAxis axis, int count, double fraction, int size)
        {
            int max = Math.Min(MaskingSettings.MaxWidth(fraction, size), size);
            for (int m = 0; m < count; m++)
            {
                int width = Uniform(max);
                bands.Add(new MaskBand(axis, Uniform(size - width), width));
            }
        }
        Add(MaskAxis.Frequency, settings.FrequencyMasks, settings.FrequencyWidth, rows);
        Add(MaskAxis.Time, settings.TimeMasks, settings.TimeWidth, frames);
        return bands;
    }

    /// <summary>
    /// A masked copy of a [B, C, rows, frames] batch (every channel of a clip shares its bands), on the batch's
    /// device and in the caller's dispose scope. <paramref name="clips"/>[b] is the key of row b (its index in
    /// the training set); <paramref name="seed"/> should come from the trial seed and the augmentation seed.
    /// </summary>
    public static Tensor Apply(Tensor batch, MaskingSettings settings, long seed, int epoch, IReadOnlyList<int> clips)
    {
        if (batch.dim() != 4 || batch.shape[0] != clips.Count)
            throw new ArgumentException($"SpecAugment needs [B, C, rows, frames] with B = {clips.Count} clip keys, got [{string.Join(", ", batch.shape)}]");
        if (settings.IsNone) return batch.alias();
        int rows = (int)batch.shape[2], frames = (int)batch.shape[3];
        var mask = new bool[clips.Count * rows * frames];
        for (int b = 0; b < clips.Count; b++)
            foreach (var band in Draw(settings, rows, frames, seed, epoch, clips[b]))
                Fill(mask.AsSpan(b * rows * frames, rows * frames), band, frames);
        using var scope = NewDisposeScope();
        var onDevice = tensor(mask, [clips.Count, 1, rows, frames]).to(batch.device);
        return batch.masked_fill(onDevice, 0).MoveToOuterDisposeScope();
    }

    private static void Fill(Span<bool> clip, MaskBand band, int frames)
    {
        if (band.Axis == MaskAxis.Frequency)
        {
            clip.Slice(band.Start * frames, band.Width * frames).Fill(true);
            return;
        }
        for (int start = band.Start; start < clip.Length; start += frames) clip.Slice(start, band.Width).Fill(true);
    }
}
