using System.Text.RegularExpressions;
using FsCheck.Xunit;
using SerDarts.Corpora;

namespace SerDarts.Tests.Corpora;

/// <summary>
/// Random label-file lines and manifest rows: a scan never throws, never names a path outside the corpus root,
/// keeps only ids that follow the corpus' naming, and never echoes control characters in its reasons.
/// </summary>
public sealed partial class LabelPropertyTests : IDisposable
{
    private const string Dialog = "Ses01F_impro01";

    // Ids a hostile or broken label file might hold, next to real ones.
    private static readonly string[] Ids =
    [
        "Ses01F_impro01_F000", "Ses01F_impro01_M001", "Ses01F_impro01_F002", "../../../etc/passwd", "/etc/passwd",
        "Ses01F_impro02_F000", "Ses01F_impro01_F000/../../x", "..", "Ses01F_impro01_F000\u001b]0;x", "Ses01F_impro01_f000",
    ];

    private static readonly string[] Codes = ["neu", "ang", "xxx", "HAP", "joy", "", "n\u0000u"];

    private readonly CorpusFixture _tree = new();

    public LabelPropertyTests()
    {
        foreach (var id in Ids.Take(3))
            _tree.Wav($"Session1/sentences/wav/{Dialog}/{id}.wav", 800);
    }

    [GeneratedRegex(@"^Ses01F_impro01_[FM][0-9]{3}$")]
    private static partial Regex TurnOfDialog();

    private bool ScanIsSafe(Func<CorpusScan> scan)
    {
        var result = scan();
        var root = _tree.Root + Path.DirectorySeparatorChar;
        Assert.All(result.Utterances, u => Assert.StartsWith(root, u.Path));
        Assert.All(result.Skipped, s => Assert.StartsWith(root, s.Path));
        Assert.All(result.Skipped, s => Assert.DoesNotContain(s.Reason, char.IsControl));
        return true;
    }

    [Property(MaxTest = 200)]
    public bool Random_label_lines_yield_only_valid_turns_and_reports(string[] randomLines, int[] picks, bool bracketed)
    {
        var lines = new List<string>();
        foreach (var (pick, i) in picks.Select((p, i) => ((uint)p, i)))
        {
            lines.Add($"[{pick % 7}.{pick % 10} - {pick % 5 + 2}.0]\t{Ids[pick % Ids.Length]}\t{Codes[pick / 16 % Codes.Length]}\t[2.5, {pick % 4}, 3]");
            if (i < randomLines.Length) lines.Add((bracketed ? "[" : "") + (randomLines[i] ?? ""));
        }
        _tree.Text($"Session1/dialog/EmoEvaluation/{Dialog}.txt", string.Join("\n", lines));
        return ScanIsSafe(() =>
        {
            var scan = new IemocapLoader().Scan(_tree.Root);
            Assert.All(scan.Utterances, u => Assert.Matches(TurnOfDialog(), u.Id));
            return scan;
        });
    }

    [Property(MaxTest = 200)]
    public bool Random_manifest_rows_yield_only_files_inside_the_root(string[] randomRows, int[] picks)
    {
        string[] paths = ["Session1/sentences/wav/Ses01F_impro01/Ses01F_impro01_F000.wav", "../x.wav", "/etc/passwd", "a/../../b.wav", "\"q,\"\"\",x"];
        var rows = picks.Select(p => $"u{p},{paths[(uint)p % paths.Length]},{(p % 5 == 0 ? "sa\u001bd" : "sad")},s{p % 3}")
            .Concat(randomRows.Select(r => r ?? ""));
        _tree.Text("manifest.csv", string.Join("\n", ["id,path,emotion,speaker", .. rows]));
        return ScanIsSafe(() =>
        {
            var scan = new ManifestLoader().Scan(_tree.Root);
            Assert.All(scan.Utterances, u => Assert.DoesNotContain(u.Id + u.Emotion + u.Speaker + u.Session, char.IsControl));
            return scan;
        });
    }

    public void Dispose() => _tree.Dispose();
}
