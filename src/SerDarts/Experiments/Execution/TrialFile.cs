using System.Text.Json;
using System.Text.Json.Nodes;
using SerDarts.Experiments.Specs;
using SerDarts.Runtime;

namespace SerDarts.Experiments.Execution;

/// <summary>
/// trial.json: the fully resolved trial (every number of the spec explicit, the fold and the seed) in each run
/// directory a trial or a stage verb writes, so that evaluation and resumption rebuild exactly its data.
/// </summary>
public static class TrialFile
{
    public const string FileName = "trial.json";

    public static string PathIn(string runDirectory) => Path.Combine(runDirectory, FileName);

    public static void Save(string runDirectory, TrialSpec trial)
    {
        Directory.CreateDirectory(runDirectory);
        AtomicFile.WriteAllText(PathIn(runDirectory), ToJson(trial));
    }

    /// <summary>The file's content: the schema, the spec hash, the fold, the seed and the resolved spec.</summary>
    public static string ToJson(TrialSpec trial)
    {
        var json = new JsonObject
        {
            ["schema"] = SpecHash.Version,
            ["specHash"] = trial.SpecHash,
            ["fold"] = trial.Fold,
            ["seed"] = trial.Seed,
            ["runSeed"] = trial.RunSeed, // what the stages were seeded with (derived from seed and fold)
            // The trial's own fold and seed: the file describes this trial, not the spec's whole grid.
            ["spec"] = JsonNode.Parse((trial.Spec with { Folds = [trial.Fold], Seeds = [trial.Seed] }).ToJson(indented: false)),
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>The training run in <paramref name="runDirectory"/>: the folder itself (serdarts train's), or the
    /// train/ folder of a trial folder (serdarts run, ablate, notebooks); a missing folder fails by name.</summary>
    public static string TrainingRunIn(string runDirectory)
    {
        if (!Directory.Exists(runDirectory)) throw new DirectoryNotFoundException($"run directory '{runDirectory}' does not exist");
        var train = Path.Combine(runDirectory, "train");
        // A random control of K > 1 draws keeps each training in draw-d: the first draw stands for the trial here.
        string[] candidates = [runDirectory, train, Path.Combine(train, "draw-0"), Path.Combine(runDirectory, "draw-0")];
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "config.json"))) ?? runDirectory;
    }

    /// <summary>The trial of <paramref name="runDirectory"/> or of the trial folder above it (a stage's folder).</summary>
    public static TrialSpec Load(string runDirectory)
    {
        var path = new[] { runDirectory, Path.GetDirectoryName(Path.GetFullPath(runDirectory)) ?? runDirectory }
            .Select(PathIn).FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"{runDirectory} has no {FileName} (nor has its parent): it is not a SerDarts run directory",
                PathIn(runDirectory));
        JsonObject json;
        try { json = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new InvalidDataException("not an object"); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: not a trial file: {e.Message}", e); }
        var schema = json["schema"]?.GetValue<string>();
        if (schema != SpecHash.Version)
            throw new InvalidDataException($"{path} was written under spec schema '{schema ?? "serdarts-spec-v1"}'; this SerDarts reads " +
                                           $"'{SpecHash.Version}': start a new run folder");
        var spec = ExperimentSpec.FromJson(json["spec"]?.ToJsonString() ?? "null", path);
        return new TrialSpec(spec, json["fold"]!.GetValue<int>(), json["seed"]!.GetValue<int>());
    }
}
