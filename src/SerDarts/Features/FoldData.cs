using SerDarts.Runtime;
using SerDarts.Corpora;

namespace SerDarts.Features;

/// <summary>
/// The network inputs of one speaker-independent fold: training, validation and test feature sets, normalised
/// with statistics fitted on the training part only or per speaker (<see cref="FeatureSettings.Normalization"/>), plus
/// the corpus manifest hash for provenance.
/// </summary>
public sealed class FoldData : IDisposable
{
    private FoldData(Fold fold, string manifestHash, FeatureSet train, IReadOnlyList<int> trainSources, FeatureSet validation,
        FeatureSet test, IReadOnlyList<SkippedFile> scanSkipped, IReadOnlyList<SkippedFile> unusableAudio, FeatureNormalizer? normalizer,
        IReadOnlyList<Utterance> enrolment)
    {
        Enrolment = enrolment;
        Normalizer = normalizer;
        TrainSources = trainSources;
        ScanSkipped = scanSkipped;
        UnusableAudio = unusableAudio;
        Fold = fold;
        ManifestHash = manifestHash;
        Train = train;
        Validation = validation;
        Test = test;
    }

    public Fold Fold { get; }
    public string ManifestHash { get; }
    /// <summary>The training utterances' grids, then their augmented copies (see <see cref="TrainSources"/>).</summary>
    public FeatureSet Train { get; }

    /// <summary>Per row of <see cref="Train"/>, the index in <see cref="Fold"/>.Train of the utterance it comes from.</summary>
    public IReadOnlyList<int> TrainSources { get; }

    public FeatureSet Validation { get; }
    public FeatureSet Test { get; }

    /// <summary>The training-fold statistics every set was standardised with; null under the other levels
    /// (none, speaker, enrolment). Prediction applies them to new clips.</summary>
    public FeatureNormalizer? Normalizer { get; }

    /// <summary>Under <c>features.normalization = enrolment:N</c>, the validation and test clips that gave their
    /// speakers' statistics (<see cref="SpeakerEnrolment"/>); they are in neither <see cref="Fold"/>.Validation nor
    /// .Test, nor in the scored sets. Empty under the other levels.</summary>
    public IReadOnlyList<Utterance> Enrolment { get; }

    /// <summary>Files the corpus scan left out (the whole corpus), with the reason: record them with the run.</summary>
    public IReadOnlyList<SkippedFile> ScanSkipped { get; }

    /// <summary>This fold's utterances whose audio cannot be decoded (NaN samples...), left out of
    /// <see cref="Fold"/> and the sets: record them with the run.</summary>
    public IReadOnlyList<SkippedFile> UnusableAudio { get; }

    /// <summary>Folds are formed with this fixed seed, so every trial seed of a spec sees the same speakers.</summary>
    public const int SplitSeed = 0;

    /// <summary>The 4-class utterances of a corpus subset and its folds under a split protocol.</summary>
    public static (CorpusScan Scan, IReadOnlyList<Fold> Folds) Folds(CorpusSpec corpus, SplitSpec split, int seed = SplitSeed)
    {
        var scan = CorpusSource.Resolve(corpus.Name, corpus.Root).Scan(corpus.Options()).FourClass();
        if (scan.Utterances.Count == 0)
            throw new InvalidDataException($"corpus '{corpus.Name}' ({corpus.Root ?? "sample"}) has no 4-class utterances");
        return (scan, Splits.Folds(scan.Utterances, SplitProtocol.Parse(split.Protocol), seed, split.Validation));
    }

    /// <summary>
    /// Builds fold <paramref name="foldIndex"/> of <paramref name="split"/> on <paramref name="corpus"/>: features
    /// through <paramref name="cache"/> (computed once per audio file, feature spec and waveform transform),
    /// augmented copies of the training clips when the settings ask for them, all normalised with statistics of
    /// the original training clips, or per speaker. This is the only normalisation the networks' inputs get. Files whose audio
    /// cannot be used are left out and listed (<see cref="UnusableAudio"/>).
    /// </summary>
    public static FoldData Build(CorpusSpec corpus, SplitSpec split, FeatureSettings features, int foldIndex, FeatureCache? cache,
        IProgress<(int Done, int Total)>? progress = null)
    {
        var (scan, folds) = Folds(corpus, split);
        if (foldIndex < 0 || foldIndex >= folds.Count)
            throw new ArgumentOutOfRangeException(nameof(foldIndex), foldIndex, $"split '{split}' has {folds.Count} folds on this corpus (0..{folds.Count - 1})");
        var fold = folds[foldIndex];
        var featureSpec = features.ToFeatureSpec();
        var (windows, augmentation) = (features.Window, features.Augmentation.EnsureValid());
        int Rows(IReadOnlyList<Utterance> part) => WindowedFeatureSetBuilder.RowCount(part, featureSpec, windows);
        // The augmented build reports the originals (cache hits by then) and the copies: count both.
        int augmentedRows = augmentation.PoolSize == 0 ? 0 : AugmentedFeatureSetBuilder.RowCount(fold.Train, augmentation);
        int total = Rows(fold.Train) + augmentedRows + Rows(fold.Validation) + Rows(fold.Test), offset = 0;
        IProgress<int>? From(int count)
        {
            int start = offset;
            offset += count;
            return progress is null ? null : new SyncProgress<int>(n => progress.Report((start + n, total)));
        }
        (FeatureBuild Build, IReadOnlyList<int> Sources) Part(IReadOnlyList<Utterance> part) =>
            WindowedFeatureSetBuilder.Build(part, featureSpec, windows, cache, From(Rows(part)));
        var (rawTrain, trainSources) = Part(fold.Train);
        using var trainRows = rawTrain;
        using var rawValidation = Part(fold.Validation).Build;
        using var rawTest = Part(fold.Test).Build;
        // Folds are formed before decoding, so a bad file never moves a speaker to another part.
        var unusable = rawTrain.Skipped.Concat(rawValidation.Skipped).Concat(rawTest.Skipped).ToList();
        var bad = unusable.Select(s => s.Path).ToHashSet(StringComparer.Ordinal);
        List<Utterance> Usable(IReadOnlyList<Utterance> part) => part.Where(u => !bad.Contains(u.Path)).ToList();
        var usableTrain = Usable(fold.Train);
        // Row sources index the scanned training list; re-index them onto the usable one the fold keeps.
        var position = usableTrain.Select((u, i) => (u.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var sources = trainSources.Select(i => position[fold.Train[i].Id]).ToArray();
        fold = fold with { Train = usableTrain, Validation = Usable(fold.Validation), Test = Usable(fold.Test) };
        // Augmented copies of the usable training clips (their plain grids are cache hits by now); the
        // normaliser sees the originals only, so validation and test inputs do not depend on augmentation.
        using var augmented = augmentation.PoolSize == 0
            ? null
            : AugmentedFeatureSetBuilder.Build(fold.Train, featureSpec, augmentation, cache, From(augmentedRows));
        var trainSet = augmented?.Set ?? rawTrain.Set;
        var trainRowSources = augmented?.Sources ?? sources;
        FeatureSet train, validation, test;
        FeatureNormalizer? normalizer = null;
        IReadOnlyList<Utterance> enrolment = [];
        var level = features.ParsedNormalization();
        if (level.PerSpeaker)
        {
            // A copy's transform joins its speaker's name: a shifted voice gets statistics of its own.
            var groups = trainRowSources.Select((source, row) =>
                augmented?.Transforms[row] is { } transform ? $"{fold.Train[source].Speaker}#{transform}" : fold.Train[source].Speaker).ToList();
            train = SpeakerNormalization.Apply(trainSet, groups);
            if (level.Kind == NormalizationLevel.Enrolment)
            {
                // Each validation and test speaker's statistics from its N enrolment clips, which are then not scored.
                var enrolValidation = SpeakerEnrolment.Choose(fold.Validation, level.EnrolmentClips, SplitSeed, "validation");
                var enrolTest = SpeakerEnrolment.Choose(fold.Test, level.EnrolmentClips, SplitSeed, "test");
                validation = Enrolled(rawValidation.Set, fold.Validation, enrolValidation);
                test = Enrolled(rawTest.Set, fold.Test, enrolTest);
                enrolment = fold.Validation.Where(u => enrolValidation.Contains(u.Id)).Concat(fold.Test.Where(u => enrolTest.Contains(u.Id))).ToList();
                fold = fold with
                {
                    Validation = fold.Validation.Where(u => !enrolValidation.Contains(u.Id)).ToList(),
                    Test = fold.Test.Where(u => !enrolTest.Contains(u.Id)).ToList(),
                };
            }
            else
            {
                validation = SpeakerNormalization.Apply(rawValidation.Set, Speakers(fold.Validation, rawValidation.Set));
                test = SpeakerNormalization.Apply(rawTest.Set, Speakers(fold.Test, rawTest.Set));
            }
        }
        else if (level.Kind == NormalizationLevel.None)
        {
            // Raw features on valid frames; padding set to 0 as under every other level.
            (train, validation, test) = (trainSet.WithPaddingZeroed(), rawValidation.Set.WithPaddingZeroed(), rawTest.Set.WithPaddingZeroed());
        }
        else
        {
            normalizer = augmented?.FitNormalizer() ?? FeatureNormalizer.FitOnTraining(rawTrain.Set);
            (train, validation, test) = (normalizer.Apply(trainSet), normalizer.Apply(rawValidation.Set), normalizer.Apply(rawTest.Set));
        }
        return new FoldData(fold, scan.Hash(), train, trainRowSources, validation, test, scan.Skipped, unusable, normalizer, enrolment);
    }

    /// <summary>The rows of <paramref name="set"/> outside the enrolment clips, standardised per speaker with
    /// the statistics of that speaker's enrolment clips.</summary>
    private static FeatureSet Enrolled(FeatureSet set, IReadOnlyList<Utterance> part, IReadOnlySet<string> enrolled)
    {
        var isEnrolment = set.Clips.Select(enrolled.Contains).ToArray();
        using var all = SpeakerNormalization.Apply(set, Speakers(part, set), isEnrolment);
        return all.Select(Enumerable.Range(0, set.Count).Where(row => !isEnrolment[row]).ToArray());
    }

    private static IReadOnlyList<string> Speakers(IReadOnlyList<Utterance> part, FeatureSet set)
    {
        var speaker = part.ToDictionary(u => u.Id, u => u.Speaker, StringComparer.Ordinal);
        return set.Clips.Select(c => speaker[c]).ToList();
    }

    /// <summary>DARTS' bilevel halves of the training part (stratified by class, or whole speakers with
    /// <paramref name="mode"/> = speakers; seeded with the trial seed); each augmented copy stays in its clip's half.</summary>
    public (FeatureSet Weights, FeatureSet Architecture) BilevelHalves(double portion, int seed, string mode = BilevelSplit.Clips)
    {
        var (weights, architecture) = BilevelSplit.Split(Fold.Train, portion, seed, mode);
        var index = Fold.Train.Select((u, i) => (u.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        IReadOnlyList<int> Rows(IReadOnlyList<Utterance> half)
        {
            var wanted = half.Select(u => index[u.Id]).ToHashSet();
            return Enumerable.Range(0, Train.Count).Where(r => wanted.Contains(TrainSources[r])).ToList();
        }
        return (Train.Select(Rows(weights)), Train.Select(Rows(architecture)));
    }

    public void Dispose()
    {
        Train.Dispose();
        Validation.Dispose();
        Test.Dispose();
    }
}
