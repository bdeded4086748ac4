namespace SerDarts.Corpora;

/// <summary>
/// The embedded synthetic sample corpus (data/sample, IEMOCAP layout), for demos and smoke tests only.
/// Found through $SERDARTS_SAMPLE, else by walking up from the current directory, else from the app's folder.
/// </summary>
public static class SampleCorpus
{
    public const string EnvironmentVariable = "SERDARTS_SAMPLE";

    /// <summary>The loader that reads it.</summary>
    public const string Dataset = "iemocap";

    private static readonly string RelativeRoot = Path.Combine("data", "sample");

    /// <summary>The sample corpus folder; a DirectoryNotFoundException says where it looked.</summary>
    public static string Root() =>
        Root(Environment.GetEnvironmentVariable(EnvironmentVariable), Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    /// <summary>Scans the sample corpus with the IEMOCAP loader.</summary>
    public static CorpusScan Scan(CorpusOptions? options = null, IProgress<int>? progress = null) =>
        CorpusLoaders.Open(Dataset).Scan(Root(), options, progress);

    internal static string Root(string? configured, params string[] starts)
    {
        if (!string.IsNullOrEmpty(configured))
            return IsSample(configured)
                ? Path.GetFullPath(configured)
                : throw new DirectoryNotFoundException($"{EnvironmentVariable}={configured}: no sample corpus there (expected Session1/ inside)");
        foreach (var start in starts)
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (IsSample(Path.Combine(dir.FullName, RelativeRoot)))
                    return Path.Combine(dir.FullName, RelativeRoot);
        throw new DirectoryNotFoundException(
            $"the sample corpus ({RelativeRoot}) was not found above {string.Join(" or ", starts)}; run from a SerDarts " +
            $"checkout, set {EnvironmentVariable} to its folder, or render it with `python3 data/generate-sample.py`");
    }

    private static bool IsSample(string folder) => Directory.Exists(Path.Combine(folder, "Session1"));
}
