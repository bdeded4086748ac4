using SerDarts.Runtime;
using SerDarts.Corpora;

namespace SerDarts.Features;

/// <summary>
/// The network inputs of one speaker-independent fold: training, validation and test feature sets, normalised
/// with statistics fitted on the training part only, plus the corpus manifest hash for provenance.
/// </summary>
public sealed class FoldData : IDisposable
{
    private FoldData(Fold fold, string manifestHash, FeatureSet train, FeatureSet validation, FeatureSet test, FeatureNormalizer normalizer,
        IReadOnlyList<SkippedFile> scanSkipped, IReadOnlyList<SkippedFile> unusableAudio)
    {
        ScanSkipped = scanSkipped;
        UnusableAudio = unusableAudio;
        Fold = fold;
        ManifestHash = manifestHash;
        Train = train;
        Validation = validation;
        Test = test;
        Normalizer = normalizer;
    }

    public Fold Fold { get; }
    public string ManifestHash { get; }
    public FeatureSet Train { get; }
    public FeatureSet Validation { get; }
    public FeatureSet Test { get; }

    /// <summary>Files the corpus scan left out (the whole corpus), with the reason: record them with the run.</summary>
    public IReadOnlyList<SkippedFile> ScanSkipped { get; }

    /// <summary>This fold's utterances whose audio cannot be decoded (NaN samples...), left out of
    /// <see cref="Fold"/> and the sets: record them with the run.</summary>
    public IReadOnlyList<SkippedFile> UnusableAudio { get; }

    /// <summary>Fitted on <see cref="Train"/>; stored with a run so evaluation reuses it.</summary>
    public FeatureNormalizer Normalizer { get; }

    /// <summary>Folds are formed with this fixed seed, so every trial seed of a spec sees the same speakers.</summary>
    public const int SplitSeed = 0;

    /// <summary>The 4-class utterances of a corpus and its folds under a split protocol.</summary>
    public static (CorpusScan Scan, IReadOnlyList<Fold> Folds) Folds(CorpusSpec corpus, string split, int seed = SplitSeed)
    {
        var scan = CorpusSource.Resolve(corpus.Name, corpus.Root).Scan().FourClass();
        if (scan.Utterances.Count == 0)
            throw new InvalidDataException($"corpus '{corpus.Name}' ({corpus.Root ?? "sample"}) has no 4-class utterances");
        return (scan, Splits.Folds(scan.Utterances, SplitProtocol.Parse(split), seed));
    }

    /// <summary>
    /// Builds fold <paramref name="foldIndex"/> of <paramref name="split"/> on <paramref name="corpus"/>: features
    /// through <paramref name="cache"/> (computed once per audio file and feature spec), normalised with
    /// training-fold statistics. This is the only normalisation the networks' inputs get.
    /// </summary>
    public static FoldData Build(CorpusSpec corpus, string split, FeatureSettings features, int foldIndex, FeatureCache? cache,
        IProgress<(int Done, int Total)>? progress = null)
    {
        var (scan, folds) = Folds(corpus, split);
        if (foldIndex < 0 || foldIndex >= folds.Count)
            throw new ArgumentOutOfRangeException(nameof(foldIndex), foldIndex, $"split '{split}' has {folds.Count} folds on this corpus (0..{folds.Count - 1})");
        var fold = folds[foldIndex];
        var featureSpec = features.ToFeatureSpec();
        int total = fold.Train.Count + fold.Validation.Count + fold.Test.Count, offset = 0;
        FeatureBuild Part(IReadOnlyList<Utterance> part)
        {
            int start = offset;
            offset += part.Count;
            var inner = progress is null ? null : new SyncProgress<int>(n => progress.Report((start + n, total)));
            return FeatureSetBuilder.BuildUsable(part, featureSpec, cache, inner);
        }
        using var rawTrain = Part(fold.Train);
        using var rawValidation = Part(fold.Validation);
        using var rawTest = Part(fold.Test);
        // Folds are formed before decoding, so a bad file never moves a speaker to another part.
        var unusable = rawTrain.Skipped.Concat(rawValidation.Skipped).Concat(rawTest.Skipped).ToList();
        var bad = unusable.Select(s => s.Path).ToHashSet(StringComparer.Ordinal);
        List<Utterance> Usable(IReadOnlyList<Utterance> part) => part.Where(u => !bad.Contains(u.Path)).ToList();
        fold = fold with { Train = Usable(fold.Train), Validation = Usable(fold.Validation), Test = Usable(fold.Test) };
        var normalizer = FeatureNormalizer.FitOnTraining(rawTrain.Set);
        return new FoldData(fold, scan.Hash(), normalizer.Apply(rawTrain.Set), normalizer.Apply(rawValidation.Set),
            normalizer.Apply(rawTest.Set), normalizer, scan.Skipped, unusable);
    }

    /// <summary>DARTS' bilevel halves of the training part (stratified by class, seeded with the trial seed).</summary>
    public (FeatureSet Weights, FeatureSet Architecture) BilevelHalves(double portion, int seed)
    {
        var (weights, architecture) = BilevelSplit.Split(Fold.Train, portion, seed);
        var position = Train.Ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
        return (Train.Select(weights.Select(u => position[u.Id]).ToList()),
                Train.Select(architecture.Select(u => position[u.Id]).ToList()));
    }

    public void Dispose()
    {
        Train.Dispose();
        Validation.Dispose();
        Test.Dispose();
    }
}
