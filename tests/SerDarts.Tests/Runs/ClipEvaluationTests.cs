using SerDarts.Features;
using SerDarts.Runs;
using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Tests.Runs;

public class ClipEvaluationTests
{
    /// <summary>
    /// Rows 0 and 1 are windows of clip "a" (label happy), row 2 is clip "b" (label angry). The "model" returns
    /// fixed logits per row: row 0 says neutral (2, 0, 0, 0), row 1 happy (0, 3, 0, 0), row 2 angry (0, 0, 0, 1).
    /// By clip, a's mean logits (1, 1.5, 0, 0) say happy: both clips right, UA 1; by row, row 0 would be wrong.
    /// </summary>
    [Fact]
    public void A_clip_with_several_windows_is_classified_from_their_mean_logits()
    {
        using var scope = NewDisposeScope();
        var rows = tensor(new float[] { 0, 1, 2 }).reshape(3, 1, 1, 1);
        using var set = new FeatureSet(rows, [1, 1, 3], ["a", "a@w2", "b"], clips: ["a", "a", "b"]);
        var logits = tensor(new float[,] { { 2, 0, 0, 0 }, { 0, 3, 0, 0 }, { 0, 0, 0, 1 } });
        using var module = nn.Identity();
        Tensor Forward(MiniBatch b) => logits.index_select(0, b.X.flatten().to(ScalarType.Int64));

        var result = Evaluation.Run(module, Forward, (l, y) => nn.functional.cross_entropy(l, y), set, batchSize: 2, CPU);

        Assert.Equal([1, 3], result.Predictions);
        Assert.Equal(1.0, result.Report.UnweightedAccuracy, 12);
        Assert.Equal(2, result.Report.Confusion.Sum(r => r.Sum())); // scored per clip, not per window
        using var perRow = new FeatureSet(rows, [1, 1, 3], ["a", "a@w2", "b"]);
        var byRow = Evaluation.Run(module, Forward, (l, y) => nn.functional.cross_entropy(l, y), perRow, batchSize: 2, CPU);
        Assert.Equal([0, 1, 3], byRow.Predictions);
    }
}
