using System.Text.Json;
using System.Text.Json.Serialization;
using SerDarts.Corpora;
using SerDarts.Features;
using SerDarts.Networks;
using SerDarts.Runtime;
using SerDarts.Search;
using SerDarts.Training;

namespace SerDarts.Experiments.Specs;

/// <summary>
/// One experiment, as JSON, and the only configuration of a run, whatever the entry point (run, ablate, demo,
/// the stage verbs, the notebooks): the corpus and its split, the input features, the network, the search and
/// training settings, which folds and seeds to run, and where to execute. Defaults are the paper's numbers;
/// presets (<see cref="ExperimentPresets"/>) are transforms of a spec. Validated as a whole when loaded, before
/// any feature is computed.
/// </summary>
public sealed record ExperimentSpec
{
    /// <summary>Label only; not part of <see cref="Hash"/>.</summary>
    public string Name { get; init; } = "experiment";

    public CorpusSpec Corpus { get; init; } = new();

    /// <summary>Split protocol ("loso", "lospk", "kfold:K": <see cref="SplitProtocol"/>) and validation rule (<see cref="SplitSpec"/>).</summary>
    public SplitSpec Split { get; init; } = "loso";

    public FeatureSettings Features { get; init; } = new();

    public NetworkSpec Network { get; init; } = new();

    /// <summary>Used when the network is searched (<see cref="NetworkKinds.Darts"/>).</summary>
    public SearchSettings Search { get; init; } = new();

    public TrainingSettings Training { get; init; } = new();

    /// <summary>Fold indices to run; null runs every fold of the split.</summary>
    public IReadOnlyList<int>? Folds { get; init; }

    /// <summary>Trial seeds (each trial's search, sampling and training seed).</summary>
    public IReadOnlyList<int> Seeds { get; init; } = [0];

    /// <summary>Where and how to run; not part of <see cref="Hash"/>.</summary>
    public ExecutionSettings Execution { get; init; } = ExecutionSettings.Default;

    /// <summary>The network kind (<see cref="NetworkSpec.Kind"/>).</summary>
    [JsonIgnore]
    public string Model => Network.Kind;

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

    public void Save(string path) => AtomicFile.WriteAllText(path, ToJson() + "\n");

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
