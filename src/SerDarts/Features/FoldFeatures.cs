using SerDarts.Audio;
using SerDarts.Corpora;
using SerDarts.Runtime;
using static TorchSharp.torch;

namespace SerDarts.Features;

/// <summary>
/// The raw (unnormalised) features of one fold. Augmentation reaches the training part only: validation and
/// test are built by <see cref="FeatureSetBuilder"/> from the plain audio, with no augmentation in scope, so
/// they are the same grids whatever the settings (FoldFeaturesTests compares them value by value).
/// </summary>
public sealed class FoldFeatures : IDisposable
{
    private FoldFeatures() { }

    public required TrainingFeatures Train { get; init; }

    public required FeatureSet Validation { get; init; }

    public required FeatureSet Test { get; init; }

    /// <summary>Builds the three parts (training first), reporting rows done out of the fold's total.</summary>
    public static FoldFeatures Build(
        Fold fold,
        FeatureSpec spec,
        AugmentationSettings augmentation,
        FeatureCache? cache = null,
        IProgress<(int Done, int Total)>? progress = null,
        Func<string, AudioClip>? loadAudio = null,
        Device? device = null)
    {
        int trainRows = AugmentedFeatureSetBuilder.RowCount(fold.Train, augmentation);
        int total = trainRows + fold.Validation.Count + fold.Test.Count;
        SyncProgress<int>? From(int offset) =>
            progress is null ? null : new SyncProgress<int>(n => progress.Report((offset + n, total)));
        var train = AugmentedFeatureSetBuilder.Build(fold.Train, spec, augmentation, cache, From(0), loadAudio, device);
        FeatureSet? validation = null;
        try
        {
            validation = FeatureSetBuilder.Build(fold.Validation, spec, cache, From(trainRows), loadAudio, device);
            var test = FeatureSetBuilder.Build(fold.Test, spec, cache, From(trainRows + fold.Validation.Count), loadAudio, device);
            return new FoldFeatures { Train = train, Validation = validation, Test = test };
        }
        catch
        {
            train.Dispose();
            validation?.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Train.Dispose();
        Validation.Dispose();
        Test.Dispose();
    }
}
