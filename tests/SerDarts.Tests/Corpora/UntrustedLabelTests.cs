using SerDarts.Corpora;

namespace SerDarts.Tests.Corpora;

/// <summary>Label files and manifests are untrusted input: ids follow the corpus' naming, paths stay under the root,
/// conflicting labels are reported.</summary>
public sealed class UntrustedLabelTests : IDisposable
{
    private const string Dialog = "Ses01F_impro01";
    private const string Vad = "[2.5000, 3.0000, 3.5000]";
    private readonly CorpusFixture _tree = new();

    private string Wav(string id, int session = 1, string dialog = Dialog) => _tree.Wav($"Session{session}/sentences/wav/{dialog}/{id}.wav", 1600);

    private void Labels(params string[] lines) => Labels(1, Dialog, lines);

    private void Labels(int session, string dialog, params string[] lines) =>
        _tree.Text($"Session{session}/dialog/EmoEvaluation/{dialog}.txt", string.Join("\n", ["% [START_TIME - END_TIME] TURN_NAME EMOTION [V, A, D]", "", .. lines]));

    private CorpusScan Scan() => new IemocapLoader().Scan(_tree.Root);

    private string Eval => _tree.PathOf($"Session1/dialog/EmoEvaluation/{Dialog}.txt");

    private void AssertAllUnderRoot(CorpusScan scan)
    {
        var root = _tree.Root + Path.DirectorySeparatorChar;
        Assert.All(scan.Utterances, u => Assert.StartsWith(root, u.Path));
        Assert.All(scan.Skipped, s => Assert.StartsWith(root, s.Path));
    }

    [Fact]
    public void A_path_traversal_id_in_a_label_file_is_a_bad_line_and_resolves_nowhere()
    {
        Wav("Ses01F_impro01_F000");
        Labels($"[1.0 - 2.0]\tSes01F_impro01_F000\tneu\t{Vad}", $"[3.0 - 4.0]\t../../../etc/passwd\tang\t{Vad}");

        var scan = Scan();

        AssertAllUnderRoot(scan);
        Assert.Equal(["Ses01F_impro01_F000"], scan.Utterances.Select(u => u.Id));
        var skipped = Assert.Single(scan.Skipped);
        Assert.Equal(Eval, skipped.Path);
        Assert.Equal("line 4: utterance id '../../../etc/passwd' breaks IEMOCAP's naming (<dialog>_{F|M}nnn)", skipped.Reason);
    }

    [Fact]
    public void Conflicting_labels_for_one_utterance_leave_it_out_and_are_reported()
    {
        var wav = Wav("Ses01F_impro01_F000");
        Wav("Ses01F_impro01_M000");
        Labels($"[1.0 - 2.0]\tSes01F_impro01_F000\tneu\t{Vad}", $"[3.0 - 4.0]\tSes01F_impro01_M000\tsad\t{Vad}",
            $"[5.0 - 6.0]\tSes01F_impro01_F000\tang\t{Vad}");

        var scan = Scan();

        Assert.Equal(["Ses01F_impro01_M000"], scan.Utterances.Select(u => u.Id));
        var skipped = Assert.Single(scan.Skipped);
        Assert.Equal(wav, skipped.Path);
        Assert.Equal($"conflicting labels in dialog/EmoEvaluation/{Dialog}.txt: line 3 says neu, line 5 says ang", skipped.Reason);
    }

    [Fact]
    public void A_repeated_identical_label_keeps_the_utterance_and_is_reported()
    {
        Wav("Ses01F_impro01_F000");
        Labels($"[1.0 - 2.0]\tSes01F_impro01_F000\tsad\t{Vad}", $"[1.0 - 2.0]\tSes01F_impro01_F000\tSAD\t{Vad}");
        var scan = Scan();
        Assert.Equal("sad", Assert.Single(scan.Utterances).Emotion);
        Assert.Equal((Eval, "line 4: labels Ses01F_impro01_F000 again, as line 3 does; line 3 is used"),
            (scan.Skipped.Single().Path, scan.Skipped.Single().Reason));
    }

    [Theory]
    [InlineData("[1.0 - 2.0]\tSes01F_impro02_F000\tneu\t[2.5, 2.5, 2.5]", "utterance id Ses01F_impro02_F000 is not a turn of dialog Ses01F_impro01")]
    [InlineData("[1.0 - 2.0]\tSes01F_impro01_F000\tjoy\t[2.5, 2.5, 2.5]", "unknown emotion code 'joy'")]
    [InlineData("[3.0 - 2.0]\tSes01F_impro01_F000\tneu\t[2.5, 2.5, 2.5]", "the turn starts at 3.0 s, after its end 2.0 s")]
    [InlineData("[1.0 - 2.0]\tSes01F_impro01_F000\tneu\t[2.5, x, 2.5]", "V, A, D are not three numbers")]
    [InlineData("[1.0 - 2.0]\tSes01F_impro01_F000\u001b[2J\tneu\t[2.5, 2.5, 2.5]", "utterance id 'Ses01F_impro01_F000?[2J' breaks IEMOCAP's naming (<dialog>_{F|M}nnn)")]
    public void Malformed_turn_lines_are_reported_with_file_line_and_reason(string line, string reason)
    {
        Wav("Ses01F_impro01_F000");
        Labels(line);
        var scan = Scan();
        Assert.Empty(scan.Utterances);
        Assert.Contains(new SkippedFile(Eval, "line 3: " + reason), scan.Skipped);
    }

    [Fact]
    public void Audio_files_and_dialog_folders_that_break_the_naming_are_rejected()
    {
        var stray = Wav("Ses01F_impro01_F000 copy");
        var misplaced = Wav("Ses02F_impro01_F000", session: 1, dialog: "Ses02F_impro01");
        Labels(1, "Ses02F_impro01", $"[1.0 - 2.0]\tSes02F_impro01_F000\tneu\t{Vad}");
        Labels();
        var reasons = Scan().Skipped.ToDictionary(s => s.Path, s => s.Reason);
        Assert.Equal("utterance id 'Ses01F_impro01_F000 copy' breaks IEMOCAP's naming (<dialog>_{F|M}nnn)", reasons[stray]);
        Assert.Equal("dialog Ses02F_impro01 belongs to Session2, not Session1", reasons[misplaced]);
    }

    [Fact]
    public void The_release_letter_variants_are_valid_names()
    {
        Wav("Ses03M_impro05a_F017", 3, "Ses03M_impro05a");
        Labels(3, "Ses03M_impro05a", $"[1.0 - 2.0]\tSes03M_impro05a_F017\tfru\t{Vad}");
        Wav("Ses05M_script01_1b_M012", 5, "Ses05M_script01_1b");
        Labels(5, "Ses05M_script01_1b", $"[1.0 - 2.0]\tSes05M_script01_1b_M012\texc\t{Vad}");
        var scan = Scan();
        Assert.Equal([("Ses03M_impro05a_F017", "Ses03F"), ("Ses05M_script01_1b_M012", "Ses05M")], scan.Utterances.Select(u => (u.Id, u.Speaker)));
        Assert.Empty(scan.Skipped);
    }

    [Fact]
    public void Manifest_paths_outside_its_folder_are_reported_and_never_read()
    {
        var outside = Directory.CreateTempSubdirectory("serdarts-outside").FullName;
        try
        {
            var foreign = Path.Combine(outside, "x.wav");
            File.Copy(_tree.Wav("a.wav", 1600), foreign);
            _tree.Text("manifest.csv", string.Join("\n", "id,path,emotion,speaker",
                "u1,a.wav,sad,s1", $"u2,{foreign},sad,s1", $"u3,../{Path.GetFileName(outside)}/x.wav,sad,s1", "u4\u0007,a.wav,sad,s2", "u5,,sad,s1", ""));

            var scan = new ManifestLoader().Scan(_tree.Root);

            Assert.Equal(["u1"], scan.Utterances.Select(u => u.Id));
            var reasons = scan.Skipped.Select(s => s.Reason).ToList();
            Assert.Contains($"line 3: path '{foreign}' resolves outside the corpus root {_tree.Root}", reasons);
            Assert.Contains($"line 4: path '../{Path.GetFileName(outside)}/x.wav' resolves outside the corpus root {_tree.Root}", reasons);
            Assert.Contains(reasons, r => r.StartsWith("line 5: the id 'u4?'"));
            Assert.Contains("line 6: empty path", reasons);
            AssertAllUnderRoot(scan);
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    public void Dispose() => _tree.Dispose();
}
