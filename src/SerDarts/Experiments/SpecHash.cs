using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SerDarts.Experiments;

/// <summary>
/// The identity of what a spec computes: SHA-256 (lowercase hex) of a versioned prefix plus the compact JSON
/// of the spec (declaration order, camelCase, invariant shortest round-trip numbers), with the fields that do
/// not change a trial's result cleared: the name, the folds and seeds (a trial is spec hash + fold + seed),
/// and the device. Two suite variants with equal hashes share their trials.
/// </summary>
public static class SpecHash
{
    /// <summary>Bumped whenever the canonical form changes meaning.</summary>
    public const string Version = "serdarts-spec-v1";

    public static string Compute(ExperimentSpec spec) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalText(spec)))).ToLowerInvariant();

    /// <summary>The exact text that is hashed.</summary>
    public static string CanonicalText(ExperimentSpec spec)
    {
        var identity = spec with { Name = "", Folds = null, Seeds = [], Device = "" };
        return Version + "\n" + JsonSerializer.Serialize(identity, SpecJson.Options(indented: false));
    }
}
