using SerDarts.Corpora;
using SerDarts.Features;
using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Runs;

/// <summary>
/// Runs a model over a whole set in eval mode, without gradients, one dispose scope per batch. A clip with several
/// rows (whole-clip windows) is classified from the mean of its rows' logits.
/// </summary>
public static class Evaluation
{
    /// <param name="module">Put in eval mode for the pass and restored to its previous mode after.</param>
    /// <param name="forward">Logits of a batch.</param>
    /// <param name="loss">Mean loss of a batch from (logits, labels).</param>
    /// <param name="data">The evaluated set.</param>
    /// <param name="batchSize">Samples per forward.</param>
    /// <param name="device">Where the model lives.</param>
    public static EvaluationResult Run(nn.Module module, Func<MiniBatch, Tensor> forward, Func<Tensor, Tensor, Tensor> loss,
        FeatureSet data, int batchSize, Device device)
    {
        var (logitSums, lossSum) = Forward(module, forward, loss, data, batchSize, device);
        var (truth, predictions) = ByClip(data, logitSums, EmotionClasses.FourClass.Count);
        var report = ClassificationMetrics.Compute(truth, predictions, EmotionClasses.FourClass);
        return new EvaluationResult(data.Count == 0 ? double.NaN : lossSum / data.Count, report, predictions);
    }

    /// <summary>Each clip's logits as evaluation classifies it: the mean of its rows' logits, [clips in
    /// <see cref="FeatureSet.ClipOrder"/>, classes] (labels are not read).</summary>
    public static double[,] ClipLogits(nn.Module module, Func<MiniBatch, Tensor> forward, FeatureSet data, int batchSize, Device device)
    {
        var (rows, _) = Forward(module, forward, null, data, batchSize, device);
        var (means, counts, _) = ClipSums(data, rows, EmotionClasses.FourClass.Count);
        for (int clip = 0; clip < counts.Length; clip++)
            for (int c = 0; c < means.GetLength(1); c++) means[clip, c] /= counts[clip];
        return means;
    }

    /// <summary>Every row's logits (float64) and, with a loss, the sum of the batches' mean losses weighted by their size.</summary>
    private static (double[,] Logits, double LossSum) Forward(nn.Module module, Func<MiniBatch, Tensor> forward,
        Func<Tensor, Tensor, Tensor>? loss, FeatureSet data, int batchSize, Device device)
    {
        bool wasTraining = module.training;
        module.eval();
        try
        {
            using var noGrad = torch.no_grad();
            int classes = EmotionClasses.FourClass.Count;
            var logits = new double[data.Count, classes];
            double lossSum = 0;
            foreach (var indices in BatchSampler.Batches(data.Count, batchSize, 0, 0, shuffle: false, dropLast: false))
            {
                using var scope = torch.NewDisposeScope();
                var batch = data.Batch(indices, device);
                var output = forward(batch);
                if (loss is not null) lossSum += loss(output, batch.Y).ToDouble() * indices.Length;
                var values = output.to(ScalarType.Float64).cpu().data<double>().ToArray();
                for (int i = 0; i < indices.Length; i++)
                    for (int c = 0; c < classes; c++) logits[indices[i], c] = values[i * classes + c];
            }
            return (logits, lossSum);
        }
        finally
        {
            module.train(wasTraining);
        }
    }

    /// <summary>Per clip (in order of first appearance), its label and the argmax of its rows' mean logits (the
    /// row's own logits when a clip has one row; ties go to the lower class, as argmax does).</summary>
    private static (int[] Truth, int[] Predicted) ByClip(FeatureSet data, double[,] logits, int classes)
    {
        var (sums, _, truth) = ClipSums(data, logits, classes);
        var predicted = new int[truth.Length];
        for (int clip = 0; clip < truth.Length; clip++)
            for (int c = 1; c < classes; c++)
                if (sums[clip, c] > sums[clip, predicted[clip]]) predicted[clip] = c;
        return (truth, predicted);
    }

    /// <summary>Per clip (in <see cref="FeatureSet.ClipOrder"/>), the sum of its rows' logits, its row count and its label.</summary>
    private static (double[,] Sums, int[] Counts, int[] Truth) ClipSums(FeatureSet data, double[,] logits, int classes)
    {
        var order = data.ClipOrder();
        var position = order.Select((clip, i) => (clip, i)).ToDictionary(p => p.clip, p => p.i, StringComparer.Ordinal);
        var sums = new double[order.Count, classes];
        var counts = new int[order.Count];
        var truth = new int[order.Count];
        for (int row = 0; row < data.Count; row++)
        {
            int clip = position[data.Clips[row]];
            counts[clip]++;
            truth[clip] = (int)data.Labels[row];
            for (int c = 0; c < classes; c++) sums[clip, c] += logits[row, c];
        }
        return (sums, counts, truth);
    }
}
