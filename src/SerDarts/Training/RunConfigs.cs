namespace SerDarts.Training;

/// <summary>config.json handling shared by the drivers.</summary>
internal static class RunConfigs
{
    /// <summary>
    /// Fresh run: writes the config. Resume: the stored config wins (a run must finish as it started); a
    /// different request is logged, not silently mixed in.
    /// </summary>
    public static T Settle<T>(RunDirectory run, T requested, bool resume, Func<T, string> toJson, Func<string, string, T> fromJson)
    {
        if (resume && File.Exists(run.ConfigPath))
        {
            var storedJson = File.ReadAllText(run.ConfigPath);
            if (storedJson != toJson(requested))
                run.Log($"resume: using the stored {run.ConfigPath}; the requested settings differ and are ignored");
            return fromJson(storedJson, run.ConfigPath);
        }
        run.WriteText(run.ConfigPath, toJson(requested));
        return requested;
    }
}
