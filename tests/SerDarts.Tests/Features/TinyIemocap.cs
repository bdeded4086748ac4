using SerDarts.Tests.Corpora;

namespace SerDarts.Tests.Features;

/// <summary>A tiny IEMOCAP tree: 3 sessions x 2 speakers x 4 labels, one improvised dialog per session, tones of
/// 8000 + 500 l samples (0.5-0.7 s) unless <c>samples</c> says otherwise.</summary>
internal static class TinyIemocap
{
    private static readonly string[] Labels = ["neu", "hap", "sad", "ang"];

    /// <param name="tree">Where to write.</param>
    /// <param name="missingLabel">Add a label line for session 1 whose audio does not exist.</param>
    /// <param name="samples">Samples of the clip of (session, speaker index, label index).</param>
    public static void Write(CorpusFixture tree, bool missingLabel = false, Func<int, int, int, int>? samples = null)
    {
        for (int session = 1; session <= 3; session++)
        {
            var dialog = $"Ses0{session}F_impro01";
            var lines = new List<string>();
            int n = 0;
            foreach (var (gender, g) in new[] { ("F", 0), ("M", 1) })
                for (int l = 0; l < Labels.Length; l++, n++)
                {
                    var id = $"{dialog}_{gender}{l:D3}";
                    var path = tree.PathOf($"Session{session}/sentences/wav/{dialog}/{id}.wav");
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    TestCorpus.WriteWav(path, TestCorpus.Tone(150 + 50 * n, samples?.Invoke(session, g, l) ?? 8000 + 500 * l, session * 10 + n));
                    lines.Add($"[{n}.0 - {n}.5]\t{id}\t{Labels[l]}\t[2.5, 2.5, 2.5]");
                }
            if (missingLabel && session == 1) lines.Add($"[9.0 - 9.5]\t{dialog}_F009\tneu\t[2.5, 2.5, 2.5]");
            tree.Text($"Session{session}/dialog/EmoEvaluation/{dialog}.txt", string.Join("\n", lines));
        }
    }
}
