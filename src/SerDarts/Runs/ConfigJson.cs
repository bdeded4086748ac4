using System.Text.Json;
using System.Text.Json.Serialization;

namespace SerDarts.Runs;

/// <summary>The one JSON setup for configs, metrics and checkpoint headers: camelCase, indented, enums as
/// camelCase strings, shortest round-trip doubles (so files are byte-stable across runs).</summary>
public static class ConfigJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options) + "\n";

    /// <summary>Parses <paramref name="json"/>; errors name <paramref name="source"/> (a file path).</summary>
    public static T Deserialize<T>(string json, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options)
                ?? throw new InvalidDataException($"{source}: empty JSON document");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not a valid {typeof(T).Name} document: {e.Message}", e);
        }
    }

    public static T Load<T>(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} does not exist", path);
        return Deserialize<T>(File.ReadAllText(path), path);
    }
}
