using System.Text.Json;

namespace SerDarts.Experiments.Store;

/// <summary>JSON for the store's array and genotype columns.</summary>
internal static class StoreJson
{
    public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"stored JSON is null: {json}");
}
