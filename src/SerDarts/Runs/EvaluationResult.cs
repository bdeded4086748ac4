using SerDarts.Corpora;
using SerDarts.Features;
using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Runs;

/// <summary>Mean loss over rows, metrics over clips, and each clip's predicted class (in
/// <see cref="FeatureSet.ClipOrder"/>: the set's order when each clip is one row).</summary>
public sealed record EvaluationResult(double Loss, ClassificationReport Report, int[] Predictions);
