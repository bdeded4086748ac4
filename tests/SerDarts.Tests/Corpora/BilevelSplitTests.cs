using SerDarts.Corpora;

namespace SerDarts.Tests.Corpora;

public class BilevelSplitTests
{
    private static readonly (string Emotion, int Count)[] Mix = [("neutral", 40), ("happy", 13), ("sad", 7), ("angry", 1), ("fru", 4)];

    private static List<Utterance> Train() =>
        [.. Mix.SelectMany(m => Enumerable.Range(0, m.Count).Select(i =>
            new Utterance($"{m.Emotion}{i:D2}", "", m.Emotion, $"spk{i % 3}", "s", 1, new Dictionary<string, string>())))];

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.3)]
    [InlineData(0.8)]
    public void Each_class_is_split_by_the_portion(double portion)
    {
        var train = Train();
        var (weights, architecture) = BilevelSplit.Split(train, portion, 11);
        foreach (var (emotion, count) in Mix)
        {
            int expected = (int)Math.Floor(portion * count + 0.5); // round half away from zero for positive counts
            Assert.Equal(expected, weights.Count(u => u.Emotion == emotion));
            Assert.Equal(count - expected, architecture.Count(u => u.Emotion == emotion));
        }
        Assert.Equal(train.Select(u => u.Id).Order(), weights.Concat(architecture).Select(u => u.Id).Order());
    }

    [Fact]
    public void Parts_keep_input_order_and_depend_only_on_the_seed()
    {
        var train = Train();
        var a = BilevelSplit.Split(train, 0.5, 1);
        var b = BilevelSplit.Split(train, 0.5, 1);
        var c = BilevelSplit.Split(train, 0.5, 2);
        Assert.Equal(a.Weights.Select(u => u.Id), b.Weights.Select(u => u.Id));
        Assert.NotEqual(a.Weights.Select(u => u.Id), c.Weights.Select(u => u.Id));
        Assert.Equal(a.Weights.Select(u => train.IndexOf(u)).Order(), a.Weights.Select(u => train.IndexOf(u)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Portions_outside_the_open_unit_interval_are_rejected(double portion) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => BilevelSplit.Split(Train(), portion, 0));
}
