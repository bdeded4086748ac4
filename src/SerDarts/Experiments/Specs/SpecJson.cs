using System.Text.Json;
using System.Text.Json.Serialization;

namespace SerDarts.Experiments.Specs;

/// <summary>JSON settings shared by specs and suites: camelCase names, unknown properties rejected
/// (a misspelt setting must not silently fall back to its default).</summary>
internal static class SpecJson
{
    private static readonly JsonSerializerOptions Compact = Create(indented: false);
    private static readonly JsonSerializerOptions Indented = Create(indented: true);

    public static JsonSerializerOptions Options(bool indented) => indented ? Indented : Compact;

    private static JsonSerializerOptions Create(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = indented,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };
}
