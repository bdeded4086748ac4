using System.Text.Json;
using SerDarts.Networks;
using SerDarts.Tests.Features;
using static TorchSharp.torch;

namespace SerDarts.Tests.Networks;

public class UtteranceFunctionalsTests
{
    [Fact]
    public void Functionals_of_the_valid_frames_match_numpy()
    {
        // Fixtures/make_functionals.py (numpy): mean, std, percentiles, polyfit slope, log duration; padding holds 99.
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(
            FeatureFixtures.Find(Path.Combine("tests", "SerDarts.Tests", "Networks", "Fixtures"), "make_functionals.py"), "functionals.json")));
        var root = json.RootElement;
        var shape = root.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        var x = tensor(root.GetProperty("x").EnumerateArray().Select(e => (float)e.GetDouble()).ToArray(), shape);
        var valid = tensor(root.GetProperty("valid").EnumerateArray().Select(e => e.GetInt64()).ToArray());
        var expected = root.GetProperty("expected").EnumerateArray().Select(r => r.EnumerateArray().Select(e => e.GetDouble()).ToArray()).ToArray();

        using var actual = UtteranceFunctionals.Compute(x, valid, UtteranceFunctionals.All);

        Assert.Equal(new long[] { shape[0], UtteranceFunctionals.Count(UtteranceFunctionals.All, shape[2]) }, actual.shape);
        var values = actual.data<double>().ToArray();
        for (int n = 0; n < expected.Length; n++)
            for (int c = 0; c < expected[n].Length; c++)
                Assert.True(Math.Abs(values[n * expected[n].Length + c] - expected[n][c]) < 1e-5,
                    $"clip {n} column {c}: {values[n * expected[n].Length + c]} vs numpy {expected[n][c]}");
    }

    [Fact]
    public void Hand_computed_functionals_of_one_row()
    {
        // One row 1, 3, 2, 6 then padding: mean 3, population std sqrt(3.5), median 2.5, p10 = 1 + 0.3 x 1 = 1.3,
        // p90 = 3 + 0.7 x 3 = 5.1, slope = sum((t - 1.5)(x - 3)) / sum((t - 1.5)^2) = (3 + 0 - 0.5 + 4.5) / 5 = 1.4,
        // log 4.
        var x = tensor(new float[] { 1, 3, 2, 6, -50, 70 }, [1, 1, 1, 6]);
        using var f = UtteranceFunctionals.Compute(x, tensor(new long[] { 4 }), UtteranceFunctionals.All);
        var expected = new[] { 3, Math.Sqrt(3.5), 1.3, 2.5, 5.1, 1.4, Math.Log(4) };
        Assert.Equal(expected, f.data<double>().ToArray(), (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void A_subset_keeps_the_canonical_order_and_counts_its_columns()
    {
        var x = tensor(new float[] { 1, 3, 2, 6, 4, 4, 4, 4 }, [1, 1, 2, 4]);
        using var f = UtteranceFunctionals.Compute(x, tensor(new long[] { 4 }), [UtteranceFunctionals.Std, UtteranceFunctionals.Mean]);
        Assert.Equal(4, UtteranceFunctionals.Count([UtteranceFunctionals.Std, UtteranceFunctionals.Mean], 2));
        Assert.Equal(new[] { 3, 4, Math.Sqrt(3.5), 0 }, f.data<double>().ToArray(), (a, b) => Math.Abs(a - b) < 1e-9);
    }
}
