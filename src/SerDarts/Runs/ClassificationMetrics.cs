namespace SerDarts.Runs;

/// <summary>Fills <see cref="ClassificationReport"/> from truth and predictions over a whole evaluated set.</summary>
public static class ClassificationMetrics
{
    /// <summary>
    /// UA = mean recall over the classes present in the truth; WA = overall accuracy; macro-F1 = mean F1 over
    /// the classes present in the truth or the predictions (scikit-learn's convention; a class with no true
    /// positive scores F1 = 0).
    /// </summary>
    public static ClassificationReport Compute(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, IReadOnlyList<string> classes)
    {
        if (truth.Count != predicted.Count)
            throw new ArgumentException($"{truth.Count} true labels but {predicted.Count} predictions");
        int k = classes.Count;
        var confusion = Enumerable.Range(0, k).Select(_ => new int[k]).ToArray();
        for (int i = 0; i < truth.Count; i++)
        {
            if ((uint)truth[i] >= k || (uint)predicted[i] >= k)
                throw new ArgumentException($"sample {i}: class index outside 0..{k - 1}");
            confusion[truth[i]][predicted[i]]++;
        }
        return FromConfusion(confusion, classes);
    }

    public static ClassificationReport FromConfusion(int[][] confusion, IReadOnlyList<string> classes)
    {
        int k = classes.Count;
        long total = 0, correct = 0;
        var recalls = new List<double>();
        var f1s = new List<double>();
        for (int c = 0; c < k; c++)
        {
            long actual = confusion[c].Sum();
            long predictedAs = confusion.Sum(row => (long)row[c]);
            long hits = confusion[c][c];
            total += actual;
            correct += hits;
            if (actual > 0) recalls.Add((double)hits / actual);
            if (actual > 0 || predictedAs > 0) f1s.Add(hits == 0 ? 0.0 : 2.0 * hits / (actual + predictedAs));
        }
        return new ClassificationReport(
            recalls.Count == 0 ? 0 : recalls.Average(),
            total == 0 ? 0 : (double)correct / total,
            f1s.Count == 0 ? 0 : f1s.Average(),
            confusion,
            classes.ToArray());
    }
}
