using System.Text.Json.Nodes;

namespace SerDarts.Runs;

/// <summary>config.json handling shared by the drivers.</summary>
internal static class RunConfigs
{
    /// <summary>The configuration schema this SerDarts writes and reads: 2 since one experiment spec describes
    /// every run (schema 1 had separate search and training configs with hidden defaults).</summary>
    public const int Schema = 2;

    /// <summary>
    /// Fresh run: writes the config. Resume: the stored config wins (a run must finish as it started); a
    /// different request is logged, not silently mixed in; a config of another schema is refused.
    /// </summary>
    public static T Settle<T>(RunDirectory run, T requested, bool resume, Func<T, string> toJson, Func<string, string, T> fromJson)
    {
        if (resume && File.Exists(run.ConfigPath))
        {
            var storedJson = File.ReadAllText(run.ConfigPath);
            CheckSchema(storedJson, run.ConfigPath);
            if (storedJson != toJson(requested))
                run.Log($"resume: using the stored {run.ConfigPath}; the requested settings differ and are ignored");
            return fromJson(storedJson, run.ConfigPath);
        }
        run.WriteText(run.ConfigPath, toJson(requested));
        return requested;
    }

    /// <summary>Refuses a config.json written under another schema, naming both versions.</summary>
    public static void CheckSchema(string json, string path)
    {
        int? schema;
        try { schema = (JsonNode.Parse(json) as JsonObject)?["schema"]?.GetValue<int>(); }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"{path}: not a SerDarts run configuration ({e.Message})", e);
        }
        if (schema != Schema)
            throw new InvalidDataException(
                $"{path} was written under configuration schema {schema?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "1"}; " +
                $"this SerDarts reads schema {Schema}: start a new run folder (or finish this one with the SerDarts that began it)");
    }
}
