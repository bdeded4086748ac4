using System.Collections.Concurrent;
using System.Text.Json;
using SerDarts.Corpora;
using SerDarts.Experiments.Execution;
using SerDarts.Experiments.Outcomes;
using SerDarts.Experiments.Specs;
using SerDarts.Runs;
using SerDarts.Runtime;
using SerDarts.Training;
using static TorchSharp.torch;

namespace SerDarts.Tests.Experiments;

/// <summary>
/// A real training, tiny: softmax regression with SGD on CPU over fixed synthetic 4-class data, shuffled with a seed
/// derived per epoch, checkpointed after every epoch (weights and history) in the run directory and resumed from
/// there, as the real executor does with its search and training runs. A resumed trial must end with the same
/// numbers as one that ran straight through. It uses its own torch generators, never the process-wide seed.
/// </summary>
internal sealed class TinyTrainingExecutor(int epochs = 8, int folds = 2) : ITrialExecutor
{
    public const string CheckpointFile = "tiny-checkpoint.json";
    private const int Features = 8, Classes = 4, TrainCount = 160, TestCount = 80, Batch = 20;
    private const float LearningRate = 0.2f;
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>Runs after the checkpoint of each epoch (1-based): may block, so a test can kill the process there.</summary>
    public Action<int>? AfterCheckpoint { get; init; }

    /// <summary>Per execution: the trial key and the last epoch found in a checkpoint (0 for a fresh start).</summary>
    public ConcurrentQueue<(string Key, int ResumedAfter)> Starts { get; } = new();

    public int CountFolds(ExperimentSpec spec) => folds;

    public TrialOutcome Execute(TrialSpec trial, string runDirectory, IProgress<TrialEvent>? progress, CancellationToken cancellationToken)
    {
        var (trainX, trainY, testX, testY) = Data(trial.Fold);
        var path = Path.Combine(runDirectory, CheckpointFile);
        var state = File.Exists(path) ? JsonSerializer.Deserialize<State>(File.ReadAllText(path), Json)! : Initial(trial.Seed);
        Starts.Enqueue((trial.Key, state.Epoch));
        var weights = tensor(state.Weights, [Classes, Features]).requires_grad_();
        var bias = tensor(state.Bias).requires_grad_();
        var history = state.History.ToList();
        for (var epoch = state.Epoch + 1; epoch <= epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var generator = new Generator((ulong)Seeds.Derive(trial.Seed, epoch, 7));
            var order = randperm(TrainCount, generator: generator);
            double lossSum = 0;
            for (var start = 0; start < TrainCount; start += Batch)
            {
                using var scope = NewDisposeScope();
                var index = order.narrow(0, start, Batch);
                var loss = nn.functional.cross_entropy(trainX[index].matmul(weights.t()) + bias, trainY[index]);
                var (gw, gb) = (autograd.grad([loss], [weights, bias]) is var g ? (g[0], g[1]) : default);
                using (no_grad())
                {
                    weights.sub_(gw * LearningRate);
                    bias.sub_(gb * LearningRate);
                }
                lossSum += loss.item<float>();
            }
            var (testLoss, report) = Evaluate(weights, bias, testX, testY);
            history.Add(new EpochRecord(epoch, LearningRate, lossSum / (TrainCount / Batch), double.NaN, testLoss, report.UnweightedAccuracy,
                report.UnweightedAccuracy, report.WeightedAccuracy, 0));
            var saved = new State(epoch, weights.data<float>().ToArray(), bias.data<float>().ToArray(), history);
            AtomicFile.WriteAllText(path, JsonSerializer.Serialize(saved, Json));
            progress?.Report(new TrialEvent("train", epoch, epochs, Loss: lossSum));
            AfterCheckpoint?.Invoke(epoch);
        }
        var test = Evaluate(weights, bias, testX, testY).Report;
        return new TrialOutcome(test, history, [], null, Classes * Features + Classes, "cpu", new TrialTimings(0, 0, 0), "tiny",
            new FoldDescription($"fold{trial.Fold}", [$"speaker{trial.Fold}"], TrainCount, 0, TestCount));
    }

    private sealed record State(int Epoch, float[] Weights, float[] Bias, List<EpochRecord> History);

    private static State Initial(int seed)
    {
        var generator = new Generator((ulong)Seeds.Derive(seed, 0, 7));
        return new State(0, (randn([Classes, Features], generator: generator) * 0.1f).data<float>().ToArray(), new float[Classes], []);
    }

    private static (double Loss, ClassificationReport Report) Evaluate(Tensor weights, Tensor bias, Tensor x, Tensor y)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var logits = x.matmul(weights.t()) + bias;
        var loss = nn.functional.cross_entropy(logits, y).item<float>();
        var predicted = logits.argmax(1).data<long>().Select(p => (int)p).ToList();
        var truth = y.data<long>().Select(t => (int)t).ToList();
        return (loss, ClassificationMetrics.Compute(truth, predicted, EmotionClasses.FourClass));
    }

    /// <summary>Four overlapping Gaussian blobs, fixed per fold (System.Random with a fixed seed: no torch state).</summary>
    private static (Tensor TrainX, Tensor TrainY, Tensor TestX, Tensor TestY) Data(int fold)
    {
        var random = new Random(1000 + fold);
        (Tensor, Tensor) Draw(int count)
        {
            var x = new float[count * Features];
            var y = new long[count];
            for (var i = 0; i < count; i++)
            {
                y[i] = i % Classes;
                for (var f = 0; f < Features; f++)
                    x[i * Features + f] = (float)((f % Classes == y[i] ? 1.0 : 0.0) + 1.2 * Gaussian(random));
            }
            return (tensor(x, [count, Features]), tensor(y));
        }
        var (trainX, trainY) = Draw(TrainCount);
        var (testX, testY) = Draw(TestCount);
        return (trainX, trainY, testX, testY);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
