using SerDarts.Corpora;
using SerDarts.Runs;

namespace SerDarts.Tests.Runs;

public class MetricsTests
{
    private static readonly IReadOnlyList<string> Classes = EmotionClasses.FourClass;

    [Fact]
    public void Ua_wa_f1_and_confusion_match_a_hand_computed_case()
    {
        int[] truth = [0, 0, 0, 1, 1, 2, 2, 2, 2, 3];
        int[] predicted = [0, 0, 1, 1, 2, 2, 2, 0, 2, 3];
        var r = ClassificationMetrics.Compute(truth, predicted, Classes);
        Assert.Equal([2, 1, 0, 0], r.Confusion[0]);
        Assert.Equal([0, 1, 1, 0], r.Confusion[1]);
        Assert.Equal([1, 0, 3, 0], r.Confusion[2]);
        Assert.Equal([0, 0, 0, 1], r.Confusion[3]);
        // Recalls 2/3, 1/2, 3/4, 1 -> UA = 35/48; 7 of 10 right; F1 per class 2/3, 1/2, 3/4, 1.
        Assert.Equal(35.0 / 48, r.UnweightedAccuracy, 12);
        Assert.Equal(0.7, r.WeightedAccuracy, 12);
        Assert.Equal(35.0 / 48, r.MacroF1, 12);
        Assert.Equal(Classes, r.Classes);
    }

    [Fact]
    public void A_class_absent_from_the_truth_is_left_out_of_ua_but_counts_in_f1_when_predicted()
    {
        int[] truth = [0, 0, 1, 1, 2, 2];
        int[] predicted = [0, 3, 1, 1, 1, 2];
        var r = ClassificationMetrics.Compute(truth, predicted, Classes);
        // Recalls over classes 0..2: 1/2, 1, 1/2 -> 2/3. F1: 2/3, 4/5, 2/3 and 0 for the predicted-only class 3.
        Assert.Equal(2.0 / 3, r.UnweightedAccuracy, 12);
        Assert.Equal(4.0 / 6, r.WeightedAccuracy, 12);
        Assert.Equal((2.0 / 3 + 0.8 + 2.0 / 3 + 0) / 4, r.MacroF1, 12);
    }

    [Fact]
    public void Ua_differs_from_wa_on_imbalanced_sets()
    {
        // 8 neutral all right, 2 angry all wrong: WA 0.8, UA 0.5.
        int[] truth = [0, 0, 0, 0, 0, 0, 0, 0, 3, 3];
        int[] predicted = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        var r = ClassificationMetrics.Compute(truth, predicted, Classes);
        Assert.Equal(0.8, r.WeightedAccuracy, 12);
        Assert.Equal(0.5, r.UnweightedAccuracy, 12);
        // F1: neutral 2*8/(8+10) = 8/9, angry 0.
        Assert.Equal((8.0 / 9 + 0) / 2, r.MacroF1, 12);
    }

    [Fact]
    public void Mismatched_lengths_and_bad_indices_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute([0, 1], [0], Classes));
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute([0, 4], [0, 1], Classes));
    }
}
