using SerDarts.Corpora;

namespace SerDarts.Tests.Corpora;

public sealed class ManifestLoaderTests : IDisposable
{
    private readonly CorpusFixture _tree = new();

    [Fact]
    public void Rows_become_utterances_with_paths_relative_to_the_csv_or_absolute_inside_its_folder()
    {
        _tree.Wav("audio/a1.wav", 16000);
        _tree.Wav("audio/with, comma.wav", 8000);
        var absolute = _tree.Wav("elsewhere/b1.wav", 4000);
        _tree.Wav("audio/c1.wav", 4000);
        _tree.Text("corpus.csv", string.Join("\r\n",
            "Path,Emotion,Speaker,Session,gender",
            "audio/a1.wav,Anger,spk1,s1,f",
            "\"audio/with, comma.wav\",neu,spk2,s1,m",
            $"{absolute},HAPPINESS,spk3,,f",
            "./audio/../audio/c1.wav,bored,spk1,s1,f",
            ""));
        var scan = new ManifestLoader().Scan(_tree.PathOf("corpus.csv"));
        Assert.Equal(
            [
                ("./audio/../audio/c1", "bored", "spk1", "s1", 0.25),
                ("audio/a1", "angry", "spk1", "s1", 1.0),
                ("audio/with, comma", "neutral", "spk2", "s1", 0.5),
                (Path.ChangeExtension(absolute, null), "happy", "spk3", "spk3", 0.25),
            ],
            scan.Utterances.Select(u => (u.Id, u.Emotion, u.Speaker, u.Session, u.DurationSeconds)).OrderBy(x => x.Speaker).ThenBy(x => x.Id));
        Assert.Equal(_tree.PathOf("audio/with, comma.wav"), scan.Utterances.Single(u => u.Speaker == "spk2").Path);
        Assert.Equal("m", scan.Utterances.Single(u => u.Speaker == "spk2").Extras["gender"]);
        Assert.Equal(1, scan.DroppedLabels["bored"]);
        Assert.Empty(scan.Skipped);
    }

    [Fact]
    public void Bad_rows_are_reported_and_the_scan_goes_on()
    {
        _tree.Wav("a.wav", 1600);
        _tree.Wav("b.wav", 1600);
        _tree.Corrupt("c.wav");
        _tree.Text("manifest.csv", "id,path,emotion,speaker\nu1,a.wav,sad,s1\nu2,missing.wav,sad,s1\nu3,a.wav,sad\nu4,b.wav,,s2\nu1,b.wav,sad,s2\nu5,c.wav,neutral,s3\n");
        var scan = new ManifestLoader().Scan(_tree.Root); // a folder: reads its manifest.csv
        Assert.Equal(["u1"], scan.Utterances.Select(u => u.Id));
        var reasons = scan.Skipped.Select(s => (Path.GetFileName(s.Path), s.Reason)).OrderBy(s => s.Reason, StringComparer.Ordinal).ToList();
        Assert.Equal(5, reasons.Count);
        Assert.Contains(("b.wav", "duplicate utterance id 'u1'"), reasons);
        Assert.Contains(("missing.wav", "line 3: file not found"), reasons);
        Assert.Contains(("manifest.csv", "line 4: 3 fields, the header has 4"), reasons);
        Assert.Contains(("b.wav", "line 5: empty emotion"), reasons);
        Assert.Contains(reasons, r => r.Item1 == "c.wav" && r.Reason.StartsWith("not a RIFF/WAVE file"));
    }

    [Fact]
    public void Missing_columns_or_files_are_clear_errors()
    {
        _tree.Text("manifest.csv", "file,label,speaker\n");
        Assert.Contains("lacks the column(s) path, emotion", Assert.Throws<InvalidDataException>(() => new ManifestLoader().Scan(_tree.Root)).Message);
        Assert.Throws<FileNotFoundException>(() => new ManifestLoader().Scan(_tree.PathOf("none.csv")));
    }

    public void Dispose() => _tree.Dispose();
}
