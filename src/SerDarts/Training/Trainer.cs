using SerDarts.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SerDarts.Training;

/// <summary>One training epoch of a classifier: seeded batch order, drop path, auxiliary loss, clipping.</summary>
internal sealed class Trainer(ClassifierModel network, SGD optimizer, Func<Tensor, Tensor, Tensor> loss, TrainConfig config, Device device)
{
    private readonly Parameter[] parameters = network.parameters().ToArray();

    /// <returns>Mean training loss and accuracy of the epoch.</returns>
    public (double Loss, double Accuracy) TrainEpoch(TensorDataset train, int epoch, double lr)
    {
        torch.manual_seed(Seeds.Derive(config.Seed, epoch, 2)); // dropout and drop-path masks of this epoch
        foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
        network.SetDropPathProbability(config.DropPath * epoch / config.Epochs);
        network.train();
        double lossSum = 0;
        long correct = 0, seen = 0;
        foreach (var batch in BatchSampler.Batches(train.Count, config.BatchSize, config.Seed, epoch, true, true))
        {
            using var scope = torch.NewDisposeScope();
            var (x, y) = train.Batch(batch, device);
            optimizer.zero_grad();
            var (logits, auxiliary) = network.ForwardTraining(x);
            var main = loss(logits, y);
            var total = auxiliary is null ? main : main.add(loss(auxiliary, y).mul(config.AuxiliaryWeight));
            total.backward();
            if (config.GradientClip > 0) nn.utils.clip_grad_norm_(parameters, config.GradientClip);
            optimizer.step();
            lossSum += main.ToDouble() * batch.Length;
            correct += logits.argmax(1).eq(y).sum().item<long>();
            seen += batch.Length;
        }
        return seen == 0 ? (double.NaN, double.NaN) : (lossSum / seen, (double)correct / seen);
    }
}
