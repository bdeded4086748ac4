using SerDarts.Corpora;

namespace SerDarts.Tests.Corpora;

/// <summary>RAVDESS, CREMA-D and EmoDB: fixture trees named by each corpus' documented convention.</summary>
public sealed class FileNameCorpusTests : IDisposable
{
    private readonly CorpusFixture _tree = new();

    private static void AssertScan(CorpusScan scan, IReadOnlyList<(string Stem, string Emotion, string Speaker)> expected)
    {
        var sorted = expected.OrderBy(e => e.Stem, StringComparer.Ordinal).ToList();
        Assert.Equal(sorted.Select(e => e.Stem), scan.Utterances.Select(u => u.Id));
        Assert.Equal(sorted.Select(e => e.Emotion), scan.Utterances.Select(u => u.Emotion));
        Assert.Equal(sorted.Select(e => e.Speaker), scan.Utterances.Select(u => u.Speaker));
        Assert.All(scan.Utterances, u => Assert.Equal(u.Speaker, u.Session));
        var others = expected.Where(e => !EmotionClasses.IsFourClass(e.Emotion)).GroupBy(e => e.Emotion).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(others.OrderBy(p => p.Key), scan.DroppedLabels.OrderBy(p => p.Key));
    }

    [Fact]
    public void Ravdess_names_give_emotion_actor_and_extras()
    {
        string[] names = ["", "neutral", "calm", "happy", "sad", "angry", "fearful", "disgust", "surprised"];
        var expected = new List<(string, string, string)>();
        foreach (int actor in new[] { 1, 2, 13 })
            for (int emotion = 1; emotion <= 8; emotion++)
            {
                var stem = $"03-01-{emotion:D2}-{(emotion == 1 ? 1 : 2):D2}-01-{actor % 2 + 1:D2}-{actor:D2}";
                _tree.Wav($"Actor_{actor:D2}/{stem}.wav", 800 + emotion);
                expected.Add((stem, names[emotion], $"Actor_{actor:D2}"));
            }
        _tree.Wav("Actor_01/03-01-09-01-01-01-01.wav", 100);
        _tree.Wav("Actor_01/readme.wav", 100);
        _tree.Corrupt("Actor_02/03-01-05-01-02-02-02.wav");
        var scan = new RavdessLoader().Scan(_tree.Root);
        AssertScan(scan, expected);
        var u = scan.Utterances.Single(x => x.Id == "03-01-05-02-01-02-13");
        Assert.Equal(("strong", "male", "speech", "01", "02"), (u.Extras["intensity"], u.Extras["gender"], u.Extras["vocal_channel"], u.Extras["statement"], u.Extras["repetition"]));
        Assert.Equal(805 / 16000.0, u.DurationSeconds, 9);
        var skipped = scan.Skipped.ToDictionary(x => Path.GetFileName(x.Path), x => x.Reason);
        Assert.Equal(3, skipped.Count);
        Assert.StartsWith("not a RIFF/WAVE file", skipped["03-01-05-01-02-02-02.wav"]);
        Assert.Equal("unknown RAVDESS emotion code 09", skipped["03-01-09-01-01-01-01.wav"]);
        Assert.Equal("name does not follow RAVDESS' MM-VV-EE-II-SS-RR-AA.wav", skipped["readme.wav"]);
    }

    [Fact]
    public void Cremad_names_give_emotion_actor_sentence_and_level()
    {
        var codes = new Dictionary<string, string> { ["NEU"] = "neutral", ["HAP"] = "happy", ["SAD"] = "sad", ["ANG"] = "angry", ["DIS"] = "disgust", ["FEA"] = "fear" };
        var expected = new List<(string, string, string)>();
        foreach (var actor in new[] { "1001", "1002", "1091" })
            foreach (var (code, emotion) in codes)
            {
                var stem = $"{actor}_{(code == "NEU" ? "DFA" : "IEO")}_{code}_{(code == "NEU" ? "XX" : "HI")}";
                _tree.Wav($"AudioWAV/{stem}.wav", 1600);
                expected.Add((stem, emotion, actor));
            }
        _tree.Wav("AudioWAV/1001_DFA_BOR_XX.wav", 100);
        _tree.Wav("AudioWAV/1001-DFA-ANG-XX.wav", 100);
        foreach (var root in new[] { _tree.Root, _tree.PathOf("AudioWAV") }) // the corpus root or the audio folder
        {
            var scan = new CremadLoader().Scan(root);
            AssertScan(scan, expected);
            var u = scan.Utterances.Single(x => x.Id == "1002_IEO_ANG_HI");
            Assert.Equal(("IEO", "high"), (u.Extras["sentence"], u.Extras["level"]));
            Assert.Equal(["unknown CREMA-D emotion code BOR", "name does not follow CREMA-D's <actor>_<sentence>_<EMO>_<level>.wav"],
                scan.Skipped.OrderBy(s => s.Path, StringComparer.Ordinal).Select(s => s.Reason).Reverse());
        }
    }

    [Fact]
    public void Emodb_german_letters_map_to_the_four_classes()
    {
        var letters = new Dictionary<char, string> { ['N'] = "neutral", ['F'] = "happy", ['T'] = "sad", ['W'] = "angry", ['L'] = "boredom", ['E'] = "disgust", ['A'] = "fear" };
        var expected = new List<(string, string, string)>();
        foreach (var speaker in new[] { "03", "08", "16" })
            foreach (var (letter, emotion) in letters)
            {
                var stem = $"{speaker}a0{1 + expected.Count % 5}{letter}{(letter == 'W' ? 'b' : 'a')}";
                _tree.Wav($"wav/{stem}.wav", 2000);
                expected.Add((stem, emotion, speaker));
            }
        _tree.Wav("wav/03a01Xa.wav", 100);
        var scan = new EmodbLoader().Scan(_tree.Root);
        AssertScan(scan, expected);
        Assert.Equal("female", scan.Utterances.First(u => u.Speaker == "08").Extras["gender"]);
        Assert.Equal("male", scan.Utterances.First(u => u.Speaker == "03").Extras["gender"]);
        Assert.Equal("unknown EmoDB emotion letter X", Assert.Single(scan.Skipped).Reason);
    }

    [Fact]
    public void Loaders_are_opened_by_dataset_name()
    {
        Assert.IsType<IemocapLoader>(CorpusLoaders.Open("iemocap"));
        Assert.IsType<RavdessLoader>(CorpusLoaders.Open("RAVDESS"));
        Assert.IsType<CremadLoader>(CorpusLoaders.Open("cremad"));
        Assert.IsType<EmodbLoader>(CorpusLoaders.Open("emodb"));
        Assert.IsType<ManifestLoader>(CorpusLoaders.Open("manifest"));
        Assert.All(CorpusLoaders.Names, n => Assert.Equal(n, CorpusLoaders.Open(n).Name));
        Assert.Contains("choose one of iemocap, ravdess", Assert.Throws<ArgumentException>(() => CorpusLoaders.Open("tess")).Message);
    }

    public void Dispose() => _tree.Dispose();
}
