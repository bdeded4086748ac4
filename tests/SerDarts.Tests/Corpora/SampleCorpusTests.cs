using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SerDarts.Corpora;

namespace SerDarts.Tests.Corpora;

/// <summary>
/// The embedded corpus, checked against the generator's own manifest (data/sample/manifest.csv, written by
/// data/generate-sample.py from its profile table), read here with a plain split, not with SerDarts' loaders.
/// </summary>
public class SampleCorpusTests
{
    private static readonly string[] FourClass = ["neutral", "happy", "sad", "angry"];

    private sealed record Row(string Id, string Path, string Emotion, string Speaker, string Session, string Label, long Frames);

    private static List<Row> GeneratorManifest()
    {
        var lines = File.ReadAllLines(Path.Combine(SampleCorpus.Root(), "manifest.csv"));
        var header = lines[0].Split(',').ToList();
        int Col(string name) => header.IndexOf(name);
        return lines.Skip(1).Select(l => l.Split(',')).Select(f => new Row(f[Col("id")], f[Col("path")], f[Col("emotion")],
            f[Col("speaker")], f[Col("session")], f[Col("label")], long.Parse(f[Col("frames")]))).ToList();
    }

    [Fact]
    public void Sample_root_is_found_from_the_test_folder()
    {
        var root = SampleCorpus.Root();
        Assert.True(Directory.Exists(Path.Combine(root, "Session4", "dialog", "EmoEvaluation")));
        Assert.Equal(Path.Combine("data", "sample"), Path.Combine(Path.GetFileName(Path.GetDirectoryName(root))!, Path.GetFileName(root)));
    }

    [Fact]
    public void Generator_manifest_matches_its_profile_table()
    {
        // generate-sample.py: 4 sessions x 2 voices x 7 sentences x 4 emotions, plus one "fru" and one "xxx" per voice.
        var rows = GeneratorManifest();
        Assert.All(FourClass, c => Assert.Equal(4 * 2 * 7, rows.Count(r => r.Emotion == c)));
        Assert.Equal(8, rows.Count(r => r.Label == "fru"));
        Assert.Equal(8, rows.Count(r => r.Label == "xxx"));
        Assert.Equal(8, rows.Count(r => r.Label == "exc"));
        Assert.All(rows, r => Assert.InRange(r.Frames / 16000.0, 1.5, 3.0));
    }

    [Fact]
    public void Inspect_summary_reports_the_generator_counts()
    {
        var rows = GeneratorManifest();
        var four = rows.Where(r => FourClass.Contains(r.Emotion)).ToList();
        var summary = SampleCorpus.Scan().Summarize();

        Assert.Equal(four.Count, summary.Utterances);
        Assert.Equal(FourClass.Select(c => four.Count(r => r.Emotion == c)), summary.Classes);
        Assert.Equal(four.Select(r => r.Speaker).Distinct().Count(), summary.Speakers);
        Assert.Equal(four.Select(r => r.Session).Distinct().Count(), summary.Sessions);
        Assert.Equal(four.Sum(r => r.Frames) / 16000.0, summary.DurationSeconds, 6);
        var dropped = rows.Where(r => !FourClass.Contains(r.Emotion)).GroupBy(r => r.Emotion).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(dropped.OrderBy(p => p.Key), summary.DroppedLabels.OrderBy(p => p.Key));
        Assert.Empty(summary.Skipped);
        foreach (var s in summary.BySpeaker)
            Assert.Equal(FourClass.Select(c => four.Count(r => r.Speaker == s.Speaker && r.Emotion == c)), s.Classes);
    }

    [Fact]
    public void Inspect_json_has_the_documented_keys_and_counts()
    {
        var rows = GeneratorManifest();
        using var json = JsonDocument.Parse(SampleCorpus.Scan().Summarize().ToJson());
        var root = json.RootElement;
        Assert.Equal(["utterances", "classes", "speakers", "sessions", "duration_s", "dropped_labels", "skipped"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(rows.Count(r => FourClass.Contains(r.Emotion)), root.GetProperty("utterances").GetInt32());
        Assert.Equal(FourClass, root.GetProperty("classes").EnumerateObject().Select(p => p.Name));
        Assert.All(FourClass, c => Assert.Equal(rows.Count(r => r.Emotion == c), root.GetProperty("classes").GetProperty(c).GetInt32()));
        Assert.Equal(8, root.GetProperty("speakers").GetInt32());
        Assert.Equal(4, root.GetProperty("sessions").GetInt32());
        Assert.Equal(rows.Count(r => r.Label == "fru"), root.GetProperty("dropped_labels").GetProperty("fru").GetInt32());
        Assert.Equal(rows.Count(r => r.Label == "xxx"), root.GetProperty("dropped_labels").GetProperty("xxx").GetInt32());
        Assert.Equal(0, root.GetProperty("skipped").GetArrayLength());
    }

    [Fact]
    public void Manifest_loader_reads_the_sample_like_the_iemocap_loader()
    {
        var iemocap = SampleCorpus.Scan();
        var manifest = CorpusLoaders.Open("manifest").Scan(SampleCorpus.Root());
        Assert.Equal(iemocap.Utterances.Select(u => (u.Id, u.Path, u.Emotion, u.Speaker, u.Session, u.DurationSeconds)),
            manifest.Utterances.Select(u => (u.Id, u.Path, u.Emotion, u.Speaker, u.Session, u.DurationSeconds)));
        Assert.Equal(iemocap.Hash(), manifest.Hash());
    }

    [Fact]
    public void Manifest_hash_is_sha256_of_sorted_id_label_speaker_size_lines()
    {
        var root = SampleCorpus.Root();
        var text = string.Concat(GeneratorManifest().OrderBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => $"{r.Id}\t{r.Emotion}\t{r.Speaker}\t{new FileInfo(Path.Combine(root, r.Path)).Length}\n"));
        var expected = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
        Assert.Equal(expected, SampleCorpus.Scan().Hash());
    }

    [Fact]
    public void Improvised_only_keeps_the_four_impro_dialogs_of_each_session()
    {
        var rows = GeneratorManifest();
        var scan = SampleCorpus.Scan(new CorpusOptions { Dialogs = DialogKind.Improvised });
        Assert.Equal(rows.Where(r => r.Id.Contains("_impro")).Select(r => r.Id).Order(StringComparer.Ordinal), scan.Utterances.Select(u => u.Id));
    }

    [Fact]
    public void Root_prefers_the_environment_variable_and_explains_failures()
    {
        var root = SampleCorpus.Root();
        Assert.Equal(root, SampleCorpus.Root(root, "/"));
        Assert.Contains("SERDARTS_SAMPLE=/nonexistent", Assert.Throws<DirectoryNotFoundException>(() => SampleCorpus.Root("/nonexistent", root)).Message);
        Assert.Equal(root, SampleCorpus.Root(null, Path.Combine(root, "Session1", "sentences")));
        var error = Assert.Throws<DirectoryNotFoundException>(() => SampleCorpus.Root(null, Path.GetTempPath()));
        Assert.Contains("SERDARTS_SAMPLE", error.Message);
        Assert.Contains("generate-sample.py", error.Message);
    }
}
