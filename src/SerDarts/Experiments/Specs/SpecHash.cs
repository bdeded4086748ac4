using SerDarts.Features;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SerDarts.Experiments.Specs;

/// <summary>
/// The identity of what a spec computes: SHA-256 (lowercase hex) of a versioned prefix plus the compact JSON of
/// the spec (declaration order, camelCase, invariant shortest round-trip numbers) without the fields that do not
/// change a trial's result: the name, the folds and seeds (a trial is spec hash + fold + seed) and the execution
/// settings. Fields added after the schema version was set are left out while they hold the value that means
/// "as before" (<see cref="Neutral"/>), so adding a field keeps old hashes and changing a value changes them.
/// Two suite variants with equal hashes share their trials.
/// </summary>
public static class SpecHash
{
    /// <summary>Bumped whenever the canonical form or the meaning of an existing field changes.</summary>
    public const string Version = "serdarts-spec-v2";

    /// <summary>
    /// Fields added after <see cref="Version"/> was set, by JSON path, with the value that computes exactly what
    /// a spec without the field computed. Append here when adding a field to a spec section; never edit an entry.
    /// </summary>
    public static IReadOnlyList<(string Path, string Json)> Neutral { get; } =
    [
        ("corpus.dialogs", "\"all\""),
        ("corpus.excited", "\"happy\""),
        ("corpus.oneRecordingPerImprovisation", "false"),
        ("features.augmentation",
            "{\"speedFactors\":null,\"noiseSnrDb\":null,\"pitchSemitones\":null,\"copiesPerClip\":null,\"seed\":0,\"masking\":null}"),
        ("features.window", "{\"mode\":\"first\",\"lengthSeconds\":null,\"hopSeconds\":null}"),
        ("features.normalization", "\"fold\""),
        ("network.linear",
            "{\"functionals\":[\"mean\",\"std\",\"percentiles\",\"slope\",\"duration\"],\"l2Grid\":[1,0.1,0.01,0.001],\"iterations\":300}"),
        ("search.method", "\"darts\""),
        ("search.auxiliarySkipWeight", "1"),
        ("search.zeroOneWeight", "10"),
        ("search.fairThreshold", "0.85"),
        ("search.betaDecayWeight", "1"),
        ("search.smoothingEpsilon", "0.3"),
        ("search.maxDerivedSkips", "null"),
        ("search.repeats", "1"),
        ("search.repeatTrainingEpochs", "5"),
        ("network.random",
            "{\"draws\":1,\"matchParameters\":false,\"parameterTolerance\":0.1,\"maxTries\":200,\"referenceParameters\":null}"),
        ("search.bilevel", "\"clips\""),
    ];

    public static string Compute(ExperimentSpec spec) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalText(spec)))).ToLowerInvariant();

    /// <summary>The exact text that is hashed.</summary>
    public static string CanonicalText(ExperimentSpec spec)
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(spec, SpecJson.Options(indented: false)))!.AsObject();
        foreach (var name in new[] { "name", "folds", "seeds", "execution" }) json.Remove(name);
        bool foldStatistics = json["features"]?["normalization"]?.GetValue<string>() is null or FeatureSettings.FoldNormalization;
        foreach (var (path, neutral) in Neutral) RemoveIfEqual(json, path.Split('.'), JsonNode.Parse(neutral));
        // Fold statistics left padding out from December 2026 (padding 0 after standardising, as every level):
        // the same spec computes other numbers, so trials stored before must not be reused.
        if (foldStatistics && json["features"] is JsonObject features) features["padding"] = "masked";
        // The random control's settings change only random trials: other kinds keep one hash whatever they hold.
        if (json["network"] is JsonObject network && network["kind"]?.GetValue<string>() != Networks.NetworkKinds.Random) network.Remove("random");
        return Version + "\n" + json.ToJsonString(SpecJson.Options(indented: false));
    }

    private static void RemoveIfEqual(JsonObject json, string[] path, JsonNode? neutral)
    {
        var parent = json;
        foreach (var name in path[..^1])
            if (parent[name] is JsonObject child) parent = child;
            else return;
        if (parent.TryGetPropertyValue(path[^1], out var value) && JsonNode.DeepEquals(value, neutral)) parent.Remove(path[^1]);
    }
}
