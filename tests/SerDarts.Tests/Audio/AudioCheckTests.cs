using SerDarts.Audio;

namespace SerDarts.Tests.Audio;

public class AudioCheckTests
{
    [Fact]
    public void Empty_or_non_finite_samples_are_unusable_with_the_first_bad_index()
    {
        Assert.Equal("no samples", AudioCheck.Unusable([]));
        Assert.Equal("sample 2 is NaN", AudioCheck.Unusable([0f, 0.5f, float.NaN, float.NegativeInfinity]));
        Assert.Equal("sample 0 is -Infinity", AudioCheck.Unusable([float.NegativeInfinity]));
        Assert.Null(AudioCheck.Unusable([0f, -1f, 1f]));
    }

    [Fact]
    public void Silence_is_no_sample_beyond_one_16_bit_step()
    {
        const float step = 1f / 32768;
        Assert.NotNull(AudioCheck.Silence(new float[16000]));
        Assert.NotNull(AudioCheck.Silence([0, step, -step, 0]));
        Assert.Null(AudioCheck.Silence([0, 2 * step, 0]));
        Assert.Contains("peak -90.3 dBFS", AudioCheck.Silence([step]));
    }

    [Fact]
    public void Clipping_is_at_least_one_sample_in_a_thousand_at_full_scale()
    {
        var clip = Enumerable.Repeat(0.5f, 2000).ToArray();
        Assert.Null(AudioCheck.Clipping(clip));
        clip[10] = 1f;
        Assert.Null(AudioCheck.Clipping(clip)); // 1 in 2000
        clip[11] = -0.9995f;
        Assert.Equal("clipping: 2 of 2000 samples (0.10 %) at full scale", AudioCheck.Clipping(clip));
    }

    [Fact]
    public void A_duration_far_from_the_rest_on_a_log_scale_is_an_outlier()
    {
        var (outliers, median) = DurationOutliers.Find([2.0, 2.1, 1.9, 2.05, 1.95, 20.0, 0.1]);
        Assert.Equal([5, 6], outliers.Select(o => o.Index));
        Assert.True(outliers[0].Z > 3.5 && outliers[1].Z < -3.5);
        Assert.Equal(2.0, median, 9);
    }

    [Fact]
    public void With_most_durations_equal_the_mean_absolute_deviation_stands_in()
    {
        // ln 2 four times, ln 2.1, ln 10: median ln 2, MAD 0; mean |deviation| = (ln 1.05 + ln 5) / 6, so
        // z(10) = ln 5 / (1.2533 x 0.2764) = 4.65 and z(2.1) = 0.14.
        var (outliers, _) = DurationOutliers.Find([2, 2, 2, 2, 2.1, 10]);
        var only = Assert.Single(outliers);
        Assert.Equal(5, only.Index);
        Assert.Equal(Math.Log(5) / (1.2533 * (Math.Log(1.05) + Math.Log(5)) / 6), only.Z, 9);
        Assert.Empty(DurationOutliers.Find([3, 3, 3, 3]).Outliers);
        Assert.Empty(DurationOutliers.Find([1, 100]).Outliers); // too few clips to say what is typical
    }
}
