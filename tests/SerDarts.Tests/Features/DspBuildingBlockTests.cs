using SerDarts.Features;

namespace SerDarts.Tests.Features;

/// <summary>Window, mel scales, filterbank, DCT and padding checked against hand-computed values.</summary>
public class DspBuildingBlockTests
{
    [Fact]
    public void Periodic_hann_window_is_centred_in_n_fft_with_hand_computed_values()
    {
        var w = StftWindow.PeriodicHann(4, 8); // 0.5 - 0.5 cos(2 pi n / 4) = 0, 0.5, 1, 0.5, padded by 2 each side
        Assert.Equal(new[] { 0, 0, 0, 0.5, 1, 0.5, 0, 0 }, w.Select(x => Math.Round(x, 12)));
    }

    [Theory]
    [InlineData(1000.0, 15.0)]          // the linear part ends at 1 kHz = 15 mels (3 per 200 Hz)
    [InlineData(200.0, 3.0)]
    [InlineData(6400.0, 42.0)]          // log part: 27 mels per factor 6.4 above 1 kHz
    public void Slaney_mel_scale_matches_hand_computed_points(double hz, double mel)
    {
        Assert.Equal(mel, MelFilterbank.HzToMel(hz, MelScale.Slaney), 9);
        Assert.Equal(hz, MelFilterbank.MelToHz(mel, MelScale.Slaney), 6);
    }

    [Fact]
    public void Htk_mel_scale_maps_700_hz_to_2595_log10_2()
    {
        Assert.Equal(2595.0 * Math.Log10(2.0), MelFilterbank.HzToMel(700.0, MelScale.Htk), 9);
        Assert.Equal(700.0, MelFilterbank.MelToHz(2595.0 * Math.Log10(2.0), MelScale.Htk), 9);
    }

    [Fact]
    public void Unnormalised_htk_triangles_peak_at_one_and_sum_to_one_between_centres()
    {
        var preset = FeaturePreset.Speech; // HTK, no norm
        var fb = MelFilterbank.Create(preset);
        var edges = MelFilterbank.BandEdgesHz(preset);
        double binHz = 8000.0 / (preset.FrequencyBins - 1);
        for (int f = 0; f < preset.FrequencyBins; f++)
        {
            double hz = f * binHz, sum = 0;
            for (int m = 0; m < preset.NMels; m++)
            {
                Assert.InRange(fb[f, m], 0.0, 1.0);
                sum += fb[f, m];
            }
            if (hz >= edges[1] && hz <= edges[^2]) Assert.Equal(1.0, sum, 9); // overlapping triangles tile
        }
    }

    [Fact]
    public void Slaney_normalised_filters_are_divided_by_their_width()
    {
        var preset = FeaturePreset.Paper;
        var norm = MelFilterbank.Create(preset);
        var plain = MelFilterbank.Create(preset with { MelNorm = MelNorm.None });
        var edges = MelFilterbank.BandEdgesHz(preset);
        for (int m = 0; m < preset.NMels; m += 17)
            for (int f = 0; f < preset.FrequencyBins; f += 3)
                Assert.Equal(plain[f, m] * 2.0 / (edges[m + 2] - edges[m]), norm[f, m], 12);
    }

    [Fact]
    public void Orthonormal_dct_is_an_orthogonal_matrix_with_the_constant_first_basis()
    {
        const int n = 16;
        var d = DctMatrix.Create(n, n, orthonormal: true);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(1.0 / Math.Sqrt(n), d[i, 0], 12);
            for (int j = 0; j < n; j++)
            {
                double dot = 0;
                for (int k = 0; k < n; k++) dot += d[k, i] * d[k, j];
                Assert.Equal(i == j ? 1.0 : 0.0, dot, 12);
            }
        }
    }

    [Fact]
    public void Reflect_padding_mirrors_without_repeating_the_edge_sample()
    {
        var row = new float[] { 0, 0, 1, 2, 3, 4, 0, 0 };
        CentrePadding.ApplyInPlace(row, 2, 4, PadMode.Reflect);
        Assert.Equal(new float[] { 3, 2, 1, 2, 3, 4, 3, 2 }, row);
    }

    [Fact]
    public void Reflect_padding_of_a_too_short_clip_says_so()
    {
        var row = new float[6];
        var e = Assert.Throws<ArgumentException>(() => CentrePadding.ApplyInPlace(row, 2, 2, PadMode.Reflect));
        Assert.Contains("too short", e.Message);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(511, 1)]
    [InlineData(512, 2)]
    [InlineData(65024, 128)]
    public void Centred_frame_count_is_one_plus_samples_over_hop(int samples, int frames) =>
        Assert.Equal(frames, FeaturePreset.Paper.FrameCount(samples));
}
