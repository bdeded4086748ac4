using SerDarts.Features;
using static TorchSharp.torch;

namespace SerDarts.Tests.Features;

public class SpeakerNormalizationTests
{
    // Three grids of 1 x 1 x 4: speaker a has [1 2 3 | pad] (3 valid frames) and [5 | pad pad pad] (1 valid),
    // speaker b has [2 4 6 8].
    private static FeatureSet Grids(long[] labels) => new(
        tensor(new float[] { 1, 2, 3, 0, 5, 0, 0, 0, 2, 4, 6, 8 }, [3, 1, 1, 4]), labels, ["a1", "a2", "b1"], validFrames: [3, 1, 4]);

    [Fact]
    public void Each_speaker_is_standardised_with_the_mean_and_population_std_of_its_own_valid_frames()
    {
        using var set = Grids([0, 1, 2]);
        using var normalised = SpeakerNormalization.Apply(set, ["a", "a", "b"]);
        // a: values 1 2 3 5 -> mean 2.75, variance (3.0625 + 0.5625 + 0.0625 + 5.0625) / 4 = 2.1875.
        double sa = Math.Sqrt(2.1875), sb = Math.Sqrt(5); // b: 2 4 6 8 -> mean 5, variance (9 + 1 + 1 + 9) / 4
        double[] expected =
        [
            (1 - 2.75) / sa, (2 - 2.75) / sa, (3 - 2.75) / sa, 0,
            (5 - 2.75) / sa, 0, 0, 0,
            -3 / sb, -1 / sb, 1 / sb, 3 / sb,
        ];
        var actual = normalised.Inputs.data<float>().ToArray();
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 5);
        Assert.Equal(set.ValidFrames, normalised.ValidFrames);
        Assert.Equal(set.Ids, normalised.Ids);
    }

    [Fact]
    public void Labels_take_no_part_and_a_constant_speaker_stays_finite()
    {
        using var one = Grids([0, 1, 2]);
        using var other = Grids([3, 3, 0]);
        using var a = SpeakerNormalization.Apply(one, ["a", "a", "b"]);
        using var b = SpeakerNormalization.Apply(other, ["a", "a", "b"]);
        Assert.Equal(a.Inputs.data<float>().ToArray(), b.Inputs.data<float>().ToArray());

        using var constant = new FeatureSet(full([1, 1, 1, 4], 7f), [0], ["c"]);
        using var flat = SpeakerNormalization.Apply(constant, ["c"]);
        Assert.All(flat.Inputs.data<float>().ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Grouping_all_rows_as_one_speaker_differs_from_per_speaker_statistics()
    {
        using var set = Grids([0, 1, 2]);
        using var pooled = SpeakerNormalization.Apply(set, ["x", "x", "x"]);
        using var split = SpeakerNormalization.Apply(set, ["a", "a", "b"]);
        Assert.NotEqual(pooled.Inputs.data<float>().ToArray(), split.Inputs.data<float>().ToArray());
        Assert.Throws<ArgumentException>(() => SpeakerNormalization.Apply(set, ["a", "b"]));
    }
}
