using SerDarts.Runs;
using SerDarts.Runtime;
using SerDarts.Features;
using SerDarts.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SerDarts.Training;

/// <summary>One training epoch of a classifier: seeded batch order, SpecAugment masks, drop path, auxiliary loss, clipping.</summary>
internal sealed class Trainer(ClassifierModel network, SGD optimizer, Func<Tensor, Tensor, Tensor> loss, TrainingSettings settings,
    MaskingSettings masking, long seed, Device device)
{
    /// <summary>Seed of the masks: a stream of the run seed, so masks never repeat the batch order's draws.</summary>
    private readonly long maskSeed = Seeds.Derive(seed, 0x5EC7);

    private readonly Parameter[] parameters = network.parameters().ToArray();

    /// <returns>Mean training loss and accuracy of the epoch, or null when cancelled before it ended.</returns>
    public (double Loss, double Accuracy)? TrainEpoch(FeatureSet train, int epoch, double lr, CancellationToken cancellation)
    {
        torch.manual_seed(Seeds.Derive(seed, epoch, 2)); // dropout and drop-path masks of this epoch
        foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
        network.SetDropPathProbability(settings.DropPath * epoch / settings.Epochs);
        network.train();
        double lossSum = 0;
        long correct = 0, seen = 0;
        foreach (var indices in BatchSampler.Batches(train.Count, settings.BatchSize, seed, epoch, true, true))
        {
            if (cancellation.IsCancellationRequested) return null;
            using var scope = torch.NewDisposeScope();
            var batch = train.Batch(indices, device);
            // Masks are drawn per (row, epoch), so an epoch replays identically after a resume; training batches only.
            var x = masking.IsNone ? batch.X : SpecAugment.Apply(batch.X, masking, maskSeed, epoch, indices);
            optimizer.zero_grad();
            var (logits, auxiliary) = network.ForwardTraining(x, batch.ValidFrames);
            var main = loss(logits, batch.Y);
            var total = auxiliary is null ? main : main.add(loss(auxiliary, batch.Y).mul(settings.AuxiliaryWeight));
            total.backward();
            if (settings.GradientClip > 0) nn.utils.clip_grad_norm_(parameters, settings.GradientClip);
            optimizer.step();
            lossSum += main.ToDouble() * indices.Length;
            correct += logits.argmax(1).eq(batch.Y).sum().item<long>();
            seen += indices.Length;
        }
        return seen == 0 ? (double.NaN, double.NaN) : (lossSum / seen, (double)correct / seen);
    }
}
