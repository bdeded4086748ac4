using SerDarts.Corpora;

namespace SerDarts.Tests.Corpora;

public sealed class IemocapLoaderTests : IDisposable
{
    /// <summary>One turn of the fixture: what the tree holds for it.</summary>
    private sealed record Turn(int Session, string Dialog, string Id, string Label, int Frames,
        bool HasWav = true, bool HasLabel = true, bool Corrupt = false);

    // IEMOCAP's documented label map, written out independently of the loader.
    private static readonly Dictionary<string, string> FourClass = new()
    {
        ["neu"] = "neutral", ["hap"] = "happy", ["exc"] = "happy", ["sad"] = "sad", ["ang"] = "angry",
    };

    private static readonly Turn[] Turns =
    [
        new(1, "Ses01F_impro01", "Ses01F_impro01_F000", "neu", 16000),
        new(1, "Ses01F_impro01", "Ses01F_impro01_M000", "exc", 8000),
        new(1, "Ses01F_impro01", "Ses01F_impro01_F001", "fru", 4000),
        new(1, "Ses01F_impro01", "Ses01F_impro01_M001", "ang", 24000),
        new(1, "Ses01F_impro01", "Ses01F_impro01_F002", "sad", 1000, HasLabel: false),
        new(1, "Ses01F_impro01", "Ses01F_impro01_M002", "hap", 1000, HasWav: false),
        new(1, "Ses01M_script01_1", "Ses01M_script01_1_F000", "sad", 12000),
        new(1, "Ses01M_script01_1", "Ses01M_script01_1_M000", "hap", 9000),
        new(1, "Ses01M_script01_1", "Ses01M_script01_1_M001", "xxx", 9000),
        new(1, "Ses01M_script01_1", "Ses01M_script01_1_F001", "neu", 9000, Corrupt: true),
        new(2, "Ses02F_impro02", "Ses02F_impro02_F000", "ang", 20000),
        new(2, "Ses02F_impro02", "Ses02F_impro02_M000", "neu", 20000),
        new(2, "Ses02M_script02_2", "Ses02M_script02_2_M000", "sad", 7000),
        new(2, "Ses02M_script02_2", "Ses02M_script02_2_F000", "sur", 7000),
    ];

    private readonly CorpusFixture _tree = new();

    public IemocapLoaderTests()
    {
        foreach (var dialog in Turns.GroupBy(t => (t.Session, t.Dialog)))
        {
            var lines = new List<string> { "% [START_TIME - END_TIME] TURN_NAME EMOTION [V, A, D]", "" };
            double clock = 0.5;
            foreach (var t in dialog)
            {
                var wav = WavPath(t);
                if (t.Corrupt)
                    _tree.Corrupt(wav);
                else if (t.HasWav)
                    _tree.Wav(wav, t.Frames);
                if (t.HasLabel)
                    lines.AddRange([$"[{clock:F4} - {clock + t.Frames / 16000.0:F4}]\t{t.Id}\t{t.Label}\t[2.5000, 3.0000, 3.5000]",
                        "C-E1:\tNeutral;\t()", "A-E2:\tval 3; act 2; dom  2;\t()", ""]);
                clock += 2;
            }
            _tree.Text($"Session{dialog.Key.Session}/dialog/EmoEvaluation/{dialog.Key.Dialog}.txt", string.Join("\n", lines));
        }
        _tree.Wav("Session2/sentences/wav/Ses02F_impro09/Ses02F_impro09_F000.wav", 3000); // a dialog with no label file
        _tree.Text("Session2/sentences/wav/Ses02F_impro02/notes.txt", "not audio, not part of the corpus");
    }

    private static string WavPath(Turn t) => $"Session{t.Session}/sentences/wav/{t.Dialog}/{t.Id}.wav";

    private static IEnumerable<Turn> Usable(Func<Turn, bool>? filter = null) =>
        Turns.Where(t => t.HasWav && t.HasLabel && !t.Corrupt && (filter?.Invoke(t) ?? true));

    private static string Speaker(Turn t) => $"Ses0{t.Session}{t.Id[^4]}";

    private CorpusScan Scan(DialogKind dialogs = DialogKind.All) =>
        new IemocapLoader().Scan(_tree.Root, new CorpusOptions { Dialogs = dialogs });

    [Fact]
    public void Every_labelled_readable_utterance_is_listed_with_its_mapped_label_speaker_and_duration()
    {
        var scan = Scan();
        var expected = Usable().OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Select(t => t.Id), scan.Utterances.Select(u => u.Id));
        foreach (var (t, u) in expected.Zip(scan.Utterances))
        {
            Assert.Equal(FourClass.GetValueOrDefault(t.Label, t.Label), u.Emotion);
            Assert.Equal(Speaker(t), u.Speaker);
            Assert.Equal($"Session{t.Session}", u.Session);
            Assert.Equal(t.Frames / 16000.0, u.DurationSeconds, 9);
            Assert.Equal(_tree.PathOf(WavPath(t)), u.Path);
            Assert.Equal(t.Label, u.Extras["label"]);
            Assert.Equal(t.Dialog, u.Extras["dialog"]);
            Assert.Equal(t.Dialog.Contains("impro") ? "true" : "false", u.Extras["improvised"]);
            Assert.Equal("2.5000,3.0000,3.5000", u.Extras["vad"]);
        }
    }

    [Fact]
    public void Labels_outside_the_four_classes_are_counted_and_left_out_of_the_four_class_view()
    {
        var scan = Scan();
        var others = Usable().Where(t => !FourClass.ContainsKey(t.Label)).GroupBy(t => t.Label).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(others.OrderBy(p => p.Key), scan.DroppedLabels.OrderBy(p => p.Key));
        Assert.Equal(Usable().Count(t => FourClass.ContainsKey(t.Label)), scan.FourClass().Utterances.Count);
        Assert.All(scan.FourClass().Utterances, u => Assert.True(EmotionClasses.IsFourClass(u.Emotion)));
        Assert.Equal(scan.Skipped, scan.FourClass().Skipped);
    }

    [Fact]
    public void Files_that_cannot_be_used_are_reported_with_reasons()
    {
        var skipped = Scan().Skipped.ToDictionary(s => s.Path, s => s.Reason);
        foreach (var t in Turns.Where(t => t.HasWav && !t.HasLabel))
            Assert.StartsWith($"no label for '{t.Id}' in dialog/EmoEvaluation/{t.Dialog}.txt", skipped[_tree.PathOf(WavPath(t))]);
        foreach (var t in Turns.Where(t => !t.HasWav))
            Assert.Contains("but the audio file is missing", skipped[_tree.PathOf(WavPath(t))]);
        foreach (var t in Turns.Where(t => t.Corrupt))
            Assert.StartsWith("not a RIFF/WAVE file", skipped[_tree.PathOf(WavPath(t))]);
        Assert.Equal("no label file dialog/EmoEvaluation/Ses02F_impro09.txt",
            skipped[_tree.PathOf("Session2/sentences/wav/Ses02F_impro09/Ses02F_impro09_F000.wav")]);
        Assert.Equal(Turns.Count(t => !t.HasWav || !t.HasLabel || t.Corrupt) + 1, skipped.Count);
    }

    [Theory]
    [InlineData(DialogKind.Improvised, "_impro")]
    [InlineData(DialogKind.Scripted, "_script")]
    public void Dialog_option_keeps_only_improvised_or_scripted_dialogs(DialogKind kind, string marker)
    {
        var scan = Scan(kind);
        Assert.Equal(Usable(t => t.Dialog.Contains(marker)).Select(t => t.Id).Order(StringComparer.Ordinal), scan.Utterances.Select(u => u.Id));
    }

    [Fact]
    public void Malformed_label_lines_are_reported()
    {
        _tree.Text("Session1/dialog/EmoEvaluation/Ses01F_impro01.txt",
            "[1.0 - 2.0]\tSes01F_impro01_F000\tneu\t[2.5, 2.5, 2.5]\n[garbage line\n");
        var scan = Scan();
        Assert.Contains(scan.Skipped, s => s.Path.EndsWith("Ses01F_impro01.txt") && s.Reason.StartsWith("line 2: "));
        Assert.Contains(scan.Utterances, u => u.Id == "Ses01F_impro01_F000");
    }

    [Theory]
    [InlineData("Ses01F_impro01_F000", "Ses01F")]
    [InlineData("Ses01F_impro01_M013", "Ses01M")]
    [InlineData("Ses05M_script03_2_F021", "Ses05F")]
    [InlineData("Ses03F_impro05_X000", null)]
    [InlineData("whatever", null)]
    public void Speaker_is_the_session_and_the_gender_letter_of_the_turn(string id, string? speaker) =>
        Assert.Equal(speaker, IemocapLoader.Speaker(id));

    [Fact]
    public void Progress_counts_every_examined_audio_file()
    {
        var reports = new List<int>();
        new IemocapLoader().Scan(_tree.Root, progress: new SyncProgress(reports.Add));
        int wavFiles = Turns.Count(t => t.HasWav) + 1;
        Assert.Equal(Enumerable.Range(1, wavFiles), reports);
    }

    [Fact]
    public void A_folder_that_is_not_IEMOCAP_is_a_clear_error()
    {
        var error = Assert.Throws<DirectoryNotFoundException>(() => new IemocapLoader().Scan(_tree.PathOf("Session1")));
        Assert.Contains("no Session* folders", error.Message);
        Assert.Throws<DirectoryNotFoundException>(() => new IemocapLoader().Scan(_tree.PathOf("nowhere")));
    }

    public void Dispose() => _tree.Dispose();
}

/// <summary>IProgress that reports synchronously (Progress&lt;T&gt; posts to the thread pool).</summary>
internal sealed class SyncProgress(Action<int> report) : IProgress<int>
{
    public void Report(int value) => report(value);
}
