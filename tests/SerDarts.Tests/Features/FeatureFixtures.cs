using System.Text.Json;
using SerDarts.Audio;
using SerDarts.Features;

namespace SerDarts.Tests.Features;

/// <summary>
/// The torchaudio reference features (Fixtures/torchaudio, made by Fixtures/make_torchaudio_fixtures.py) and this
/// folder's own grid fixtures (Fixtures/make_fixtures.py), found by walking up from the test binaries and the
/// current directory. Everything a test reads lives in the repository.
/// </summary>
internal static class FeatureFixtures
{
    public sealed record Case(string Wav, string Set, FeatureKind Kind, string File, int Rows, int Frames);

    private static readonly Lazy<string> LocalFolder = new(() =>
        Find(Path.Combine("tests", "SerDarts.Tests", "Features", "Fixtures"), "make_fixtures.py"));
    private static readonly Lazy<JsonDocument> Params = new(() =>
        JsonDocument.Parse(File.ReadAllText(Torchaudio("params.json"))));

    /// <summary>A file of the torchaudio reference set (WAVs, params.json, gzip'd CSVs).</summary>
    public static string Torchaudio(string name) => Path.Combine(LocalFolder.Value, "torchaudio", name);

    public static string Local(string name) => Path.Combine(LocalFolder.Value, name);

    public static FeaturePreset Preset(string set) =>
        FeaturePreset.FromJson(set, Params.Value.RootElement.GetProperty("sets").GetProperty(set));

    public static IReadOnlyList<string> SetNames() =>
        Params.Value.RootElement.GetProperty("sets").EnumerateObject().Select(p => p.Name).ToList();

    public static IReadOnlyList<Case> Cases() =>
        Params.Value.RootElement.GetProperty("cases").EnumerateArray().Select(c => new Case(
            c.GetProperty("wav").GetString()!, c.GetProperty("set").GetString()!,
            FeatureKinds.Parse(c.GetProperty("feature").GetString()!), c.GetProperty("file").GetString()!,
            c.GetProperty("shape")[0].GetInt32(), c.GetProperty("shape")[1].GetInt32())).ToList();

    public static float[] Samples(string wav) => WavReader.Read(Torchaudio(wav)).Samples;

    /// <summary>chirp, speech, noise, speech, chirp: longer than the paper window (as in make_fixtures.py).</summary>
    public static float[] LongClip() =>
        new[] { "chirp.wav", "speech.wav", "noise.wav", "speech.wav", "chirp.wav" }.SelectMany(Samples).ToArray();

    /// <summary>||a - b||_F / ||b||_F.</summary>
    public static double RelativeError(double[,] actual, double[,] expected)
    {
        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        Assert.Equal(expected.GetLength(1), actual.GetLength(1));
        double num = 0, den = 0;
        for (int r = 0; r < expected.GetLength(0); r++)
            for (int c = 0; c < expected.GetLength(1); c++)
            {
                num += Math.Pow(actual[r, c] - expected[r, c], 2);
                den += expected[r, c] * expected[r, c];
            }
        return Math.Sqrt(num / den);
    }

    /// <summary>The folder <paramref name="relative"/> holding <paramref name="marker"/>, above the test binaries or the current directory.</summary>
    internal static string Find(string relative, string marker)
    {
        var starts = new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() };
        foreach (var start in starts)
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(Path.Combine(candidate, marker))) return candidate;
            }
        throw new FileNotFoundException(
            $"fixtures '{relative}' (with {marker}) not found above {string.Join(" or ", starts)}; " +
            "the fixtures live in the repository under tests/SerDarts.Tests");
    }
}
