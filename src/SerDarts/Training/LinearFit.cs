using SerDarts.Features;
using SerDarts.Networks;
using SerDarts.Runs;
using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Training;

/// <summary>
/// Fits a <see cref="LinearClassifier"/> on a whole training set: the functionals of every training row are
/// computed once and their training-fold statistics stored in the model; then each <see cref="Fit"/> is one
/// full-batch L-BFGS solve (float64, from zero weights) of mean cross-entropy + lambda/2 |W|^2 at one L2 strength.
/// <see cref="TrainRun"/> runs one fit per strength of the grid as its "epochs", so validation selection,
/// checkpoints, resume and the test evaluation are the networks' own.
/// </summary>
internal sealed class LinearFit : IDisposable
{
    private readonly LinearClassifier model;
    private readonly Tensor inputs;
    private readonly Tensor labels;
    private readonly Tensor? classWeights;

    /// <param name="model">Receives the training fold's functional statistics now, its weights at each fit.</param>
    /// <param name="train">Every row (augmented copies and windows included) is one sample.</param>
    /// <param name="classWeights">Per-class loss weights (float32 or float64), or null.</param>
    /// <param name="batchSize">Rows per functional computation (memory only; the fit is full-batch).</param>
    /// <param name="device">Where the model lives.</param>
    public LinearFit(LinearClassifier model, FeatureSet train, Tensor? classWeights, int batchSize, Device device)
    {
        this.model = model;
        using var noGrad = torch.no_grad();
        var parts = new List<Tensor>();
        foreach (var indices in BatchSampler.Batches(train.Count, batchSize, 0, 0, shuffle: false, dropLast: false))
        {
            using var scope = torch.NewDisposeScope();
            var batch = train.Batch(indices, device);
            parts.Add(UtteranceFunctionals.Compute(batch.X, batch.ValidFrames, model.Spec.Functionals).MoveToOuterDisposeScope());
        }
        using var raw = torch.cat(parts, 0);
        foreach (var part in parts) part.Dispose();
        model.SetStandardization(raw);
        inputs = model.Standardize(raw);
        labels = torch.tensor(train.Labels, device: device);
        this.classWeights = classWeights?.to(ScalarType.Float64);
    }

    /// <summary>Fits the weights at L2 strength <paramref name="l2"/>; returns the mean training cross-entropy (the
    /// data term) and the training rows' accuracy.</summary>
    public (double Loss, double Accuracy) Fit(double l2)
    {
        using var scope = torch.NewDisposeScope();
        model.Reset();
        model.train();
        var parameters = new[] { model.Weight, model.Bias };
        // lr 1 is the unscaled quasi-Newton step; the problem is strictly convex for lambda > 0 and smooth.
        // (TorchSharp 0.107 spells the gradient tolerance "tolerange_grad".)
        using var optimizer = torch.optim.LBFGS(parameters, lr: 1, max_iter: model.Spec.Iterations,
            tolerange_grad: 1e-9, tolerance_change: 1e-12, history_size: 20);
        Tensor Objective()
        {
            optimizer.zero_grad();
            var loss = DataLoss().add(model.Weight.pow(2).sum().mul(l2 / 2));
            loss.backward();
            return loss;
        }
        optimizer.step(Objective);
        using var noGrad = torch.no_grad();
        double loss = DataLoss().ToDouble();
        if (!double.IsFinite(loss)) throw new InvalidOperationException($"the linear model's fit at L2 {l2} diverged (loss {loss})");
        double accuracy = model.Logits(inputs).argmax(1).eq(labels).to(ScalarType.Float64).mean().ToDouble();
        return (loss, accuracy);
    }

    private Tensor DataLoss() => nn.functional.cross_entropy(model.Logits(inputs), labels, classWeights);

    public void Dispose()
    {
        inputs.Dispose();
        labels.Dispose();
        classWeights?.Dispose();
    }
}
