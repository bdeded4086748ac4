using SerDarts.Features;
using static TorchSharp.torch;

namespace SerDarts.Tests.Features;

public class SpecAugmentTests
{
    private static readonly MaskingSettings Settings = new(FrequencyMasks: 2, FrequencyWidth: 0.25, TimeMasks: 3, TimeWidth: 0.2);

    [Fact]
    public void Apply_zeroes_exactly_the_drawn_bands_in_every_channel()
    {
        const int B = 3, C = 2, R = 16, F = 20;
        var values = Enumerable.Range(0, B * C * R * F).Select(i => 1f + i).ToArray(); // no zeros of its own
        using var batch = tensor(values, [B, C, R, F]);
        int[] clips = [4, 9, 1];
        using var masked = SpecAugment.Apply(batch, Settings, seed: 11, epoch: 3, clips);
        var output = masked.data<float>().ToArray();
        for (int b = 0; b < B; b++)
        {
            var bands = SpecAugment.Draw(Settings, R, F, 11, 3, clips[b]);
            for (int c = 0; c < C; c++)
                for (int r = 0; r < R; r++)
                    for (int f = 0; f < F; f++)
                    {
                        bool inBand = bands.Any(m => m.Axis == MaskAxis.Frequency
                            ? r >= m.Start && r < m.Start + m.Width
                            : f >= m.Start && f < m.Start + m.Width);
                        int i = ((b * C + c) * R + r) * F + f;
                        Assert.Equal(inBand ? 0f : values[i], output[i]);
                    }
        }
        Assert.Contains(output, v => v == 0); // something was masked
        Assert.Equal(values, batch.data<float>().ToArray()); // the input is untouched
    }

    [Fact]
    public void Bands_respect_counts_and_widths_and_cover_the_whole_range()
    {
        // 128 rows: widths 0..floor(0.25 * 128) = 32; 20 frames: widths 0..4.
        var all = Enumerable.Range(0, 2000).SelectMany(clip => SpecAugment.Draw(Settings, 128, 20, 5, 0, clip)).ToList();
        Assert.Equal(2000 * 5, all.Count);
        var frequency = all.Where(m => m.Axis == MaskAxis.Frequency).ToList();
        var time = all.Where(m => m.Axis == MaskAxis.Time).ToList();
        Assert.Equal(4000, frequency.Count);
        Assert.All(frequency, m => Assert.True(m.Width is >= 0 and <= 32 && m.Start >= 0 && m.Start + m.Width <= 128, m.ToString()));
        Assert.All(time, m => Assert.True(m.Width is >= 0 and <= 4 && m.Start >= 0 && m.Start + m.Width <= 20, m.ToString()));
        Assert.Equal(Enumerable.Range(0, 33), frequency.Select(m => m.Width).Distinct().Order());
        Assert.Equal(Enumerable.Range(0, 5), time.Select(m => m.Width).Distinct().Order());
        Assert.InRange(frequency.Average(m => m.Width), 15, 17); // uniform on 0..32: mean 16, standard error 0.15
    }

    [Fact]
    public void Masks_replay_from_seed_epoch_and_clip_whatever_the_batch()
    {
        using var batch = rand([2, 1, 16, 20], generator: new Generator(1));
        using var first = SpecAugment.Apply(batch, Settings, 7, 2, [5, 8]);
        using var again = SpecAugment.Apply(batch, Settings, 7, 2, [5, 8]);
        Assert.True(first.equal(again).all().item<bool>());
        // Clip 8 alone, in another batch, gets the same masks.
        using var alone = SpecAugment.Apply(batch[1].unsqueeze(0), Settings, 7, 2, [8]);
        Assert.True(alone[0].equal(first[1]).all().item<bool>());
        // Another epoch, seed or clip draws other bands.
        Assert.NotEqual(SpecAugment.Draw(Settings, 16, 20, 7, 2, 5), SpecAugment.Draw(Settings, 16, 20, 7, 3, 5));
        Assert.NotEqual(SpecAugment.Draw(Settings, 16, 20, 7, 2, 5), SpecAugment.Draw(Settings, 16, 20, 8, 2, 5));
        Assert.NotEqual(SpecAugment.Draw(Settings, 16, 20, 7, 2, 5), SpecAugment.Draw(Settings, 16, 20, 7, 2, 6));
    }

    [Fact]
    public void No_masking_returns_the_batch_values_and_bad_shapes_are_rejected()
    {
        using var batch = rand([2, 1, 4, 5]);
        using var same = SpecAugment.Apply(batch, MaskingSettings.None, 1, 0, [0, 1]);
        Assert.True(same.equal(batch).all().item<bool>());
        Assert.Throws<ArgumentException>(() => SpecAugment.Apply(batch, Settings, 1, 0, [0]));
    }

    [Fact]
    public void Canonical_string_and_validation()
    {
        Assert.Equal("specaugment(freq_masks=2,freq_width=0.25,time_masks=3,time_width=0.2,fill=0)", Settings.CanonicalString());
        Assert.Equal("none", MaskingSettings.None.CanonicalString());
        Assert.Empty(Settings.Errors());
        Assert.Equal(2, new MaskingSettings(-1, 1.5, 1, 0.1).Errors().Count);
    }
}
