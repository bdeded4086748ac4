using System.Globalization;
using SerDarts.Corpora;

namespace SerDarts.Experiments.Specs;

/// <summary>
/// Every field of a protocol that changes what a number means, by name, in a fixed order: the data (corpus, subset,
/// which recording of an improvisation, split and how many speakers train), the input (grid, window,
/// normalisation), the search (order, bilevel split, loss, which genotype is kept, epochs), the training (loss,
/// epochs) and the scoring. Two numbers are subtracted only when their fingerprints are equal; otherwise
/// <see cref="Differences"/> names the fields that differ.
/// </summary>
public sealed record ProtocolFingerprint(IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    public const string Corpus = "corpus", Dialogs = "corpus.dialogs", Excited = "corpus.excited", Recordings = "corpus.recordings",
        Split = "split", TrainingSpeakers = "split.trainingSpeakers", Grid = "features.grid", Window = "features.window",
        Normalization = "features.normalization", SearchOrder = "search.order", SearchPortion = "search.portion",
        SearchLoss = "search.loss", SearchGenotype = "search.genotype", SearchEpochs = "search.epochs",
        TrainingLoss = "training.loss", TrainingEpochs = "training.epochs", Scoring = "scoring";

    /// <summary>The genotype SerDarts keeps: the last search epoch's.</summary>
    public const string LastEpochGenotype = "last search epoch";

    /// <summary>The fingerprint of <paramref name="spec"/> scored by <paramref name="scoring"/>.</summary>
    public static ProtocolFingerprint Of(ExperimentSpec spec, string scoring = ProtocolDescription.Honest)
    {
        var options = spec.Corpus.Options();
        string Number(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);
        return new ProtocolFingerprint(
        [
            new(Corpus, spec.Corpus.Name),
            new(Dialogs, options.Dialogs.ToString().ToLowerInvariant()),
            new(Excited, options.Excited == ExcitedLabel.MergeIntoHappy ? "merged into happy" : "left out"),
            new(Recordings, options.OneRecordingPerImprovisation ? "one per improvisation, the F recording" : "all"),
            new(Split, spec.Split.ToString()),
            new(TrainingSpeakers, SplitProtocol.TryParse(spec.Split.Protocol, out var split) ? split.Description : spec.Split.Protocol),
            new(Grid, spec.Features.Grid),
            new(Window, spec.Features.Window.Mode),
            new(Normalization, spec.Features.Normalization),
            new(SearchOrder, spec.Search.Order),
            new(SearchPortion, $"{Number(spec.Search.Portion)} weights / {Number(1 - spec.Search.Portion)} architecture" +
                               (spec.Search.Bilevel == BilevelSplit.Speakers ? ", whole speakers" : "")),
            new(SearchLoss, spec.Search.ClassWeightedLoss ? "class-weighted cross-entropy" : "cross-entropy"),
            new(SearchGenotype, LastEpochGenotype),
            new(SearchEpochs, spec.Search.Epochs.ToString(CultureInfo.InvariantCulture)),
            new(TrainingLoss, spec.Training.ClassWeightedLoss ? "class-weighted cross-entropy" : "cross-entropy"),
            new(TrainingEpochs, spec.Training.Epochs.ToString(CultureInfo.InvariantCulture)),
            new(Scoring, scoring),
        ]);
    }

    /// <summary>The value of <paramref name="field"/>, or null.</summary>
    public string? this[string field] => Fields.FirstOrDefault(f => f.Key == field).Value;

    /// <summary>The fields whose values differ from <paramref name="other"/>'s (or that only one of them has), in order.</summary>
    public IReadOnlyList<string> Differences(ProtocolFingerprint other) =>
        Fields.Select(f => f.Key).Concat(other.Fields.Select(f => f.Key)).Distinct(StringComparer.Ordinal)
            .Where(k => this[k] != other[k]).ToList();

    public bool Equals(ProtocolFingerprint? other) => other is not null && Differences(other).Count == 0;

    public override int GetHashCode() => string.Join("|", Fields.Select(f => $"{f.Key}={f.Value}")).GetHashCode(StringComparison.Ordinal);
}
