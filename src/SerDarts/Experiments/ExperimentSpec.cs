using System.Text.Json;

namespace SerDarts.Experiments;

/// <summary>
/// One experiment, as JSON: the corpus and its split, the input features, the model, the search and training
/// settings, and which folds and seeds to run. Defaults follow the paper (C = 4 cells, LSTM 256, MFCC 128x128,
/// SGD with cosine annealing, 300 training epochs). The same description drives the CLI and the notebooks.
/// </summary>
public sealed record ExperimentSpec
{
    /// <summary>Label only; not part of <see cref="Hash"/>.</summary>
    public string Name { get; init; } = "experiment";
    public CorpusSpec Corpus { get; init; } = new();

    /// <summary>Split protocol string: "loso", "lospk" or "kfold:K" (see <see cref="Corpora.SplitProtocol"/>).</summary>
    public string Split { get; init; } = "loso";
    public FeatureSettings Features { get; init; } = new();

    /// <summary>One of <see cref="ModelKinds"/>.</summary>
    public string Model { get; init; } = ModelKinds.Darts;
    public SearchSettings Search { get; init; } = new();
    public TrainingSettings Training { get; init; } = new();

    /// <summary>Fold indices to run; null runs every fold of the split.</summary>
    public IReadOnlyList<int>? Folds { get; init; }
    public IReadOnlyList<int> Seeds { get; init; } = [0];

    /// <summary>"auto", "cpu", "cuda" or "cuda:N". Not part of <see cref="Hash"/>: a trial finished on one
    /// device is not repeated on another (the device is recorded in its provenance).</summary>
    public string Device { get; init; } = "auto";

    /// <summary>Canonical hash of what the spec computes (see <see cref="SpecHash"/>).</summary>
    public string Hash() => SpecHash.Compute(this);

    public string ToJson(bool indented = true) => JsonSerializer.Serialize(this, SpecJson.Options(indented));

    /// <summary>Parses and validates a spec; <paramref name="source"/> names the origin in error messages.</summary>
    public static ExperimentSpec FromJson(string json, string source = "spec")
    {
        ExperimentSpec? spec;
        try { spec = JsonSerializer.Deserialize<ExperimentSpec>(json, SpecJson.Options(indented: false)); }
        catch (JsonException e) { throw new InvalidDataException($"{source}: invalid experiment spec: {e.Message}", e); }
        if (spec is null) throw new InvalidDataException($"{source}: the experiment spec is null");
        return spec.EnsureValid(source);
    }

    public static ExperimentSpec Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"experiment spec '{path}' does not exist", path);
        return FromJson(File.ReadAllText(path), path);
    }

    public void Save(string path) => Runtime.AtomicFile.WriteAllText(path, ToJson() + "\n");

    /// <summary>Throws <see cref="InvalidDataException"/> listing every problem, or returns this spec.</summary>
    public ExperimentSpec EnsureValid(string source = "spec")
    {
        var errors = SpecValidation.Errors(this);
        if (errors.Count > 0)
            throw new InvalidDataException($"{source}: invalid experiment spec: {string.Join("; ", errors)}");
        return this;
    }

    // Value equality over the whole description (the lists would otherwise compare by reference).
    public bool Equals(ExperimentSpec? other) =>
        other is not null && ToJson(indented: false) == other.ToJson(indented: false);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToJson(indented: false));
}
