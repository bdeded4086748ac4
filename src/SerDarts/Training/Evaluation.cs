using SerDarts.Corpora;
using SerDarts.Features;
using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Training;

/// <summary>Mean loss, metrics and each sample's predicted class (in the set's order).</summary>
public sealed record EvaluationResult(double Loss, ClassificationReport Report, int[] Predictions);

/// <summary>Runs a model over a whole set in eval mode, without gradients, one dispose scope per batch.</summary>
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
        bool wasTraining = module.training;
        module.eval();
        try
        {
            using var noGrad = torch.no_grad();
            var predictions = new int[data.Count];
            double lossSum = 0;
            foreach (var indices in BatchSampler.Batches(data.Count, batchSize, 0, 0, shuffle: false, dropLast: false))
            {
                using var scope = torch.NewDisposeScope();
                var batch = data.Batch(indices, device);
                var logits = forward(batch);
                lossSum += loss(logits, batch.Y).ToDouble() * indices.Length;
                var predicted = logits.argmax(1).cpu().data<long>().ToArray();
                for (int i = 0; i < indices.Length; i++) predictions[indices[i]] = (int)predicted[i];
            }
            var truth = data.Labels.Select(l => (int)l).ToArray();
            var report = ClassificationMetrics.Compute(truth, predictions, EmotionClasses.FourClass);
            return new EvaluationResult(data.Count == 0 ? double.NaN : lossSum / data.Count, report, predictions);
        }
        finally
        {
            module.train(wasTraining);
        }
    }
}
