namespace SerDarts.Tests.Corpora;

/// <summary>
/// A generated IEMOCAP-layout corpus on disk: sessions 1..n, each with two recordings of improvisation 01 (F-led
/// and M-led), one of improvisation 02 and one scripted dialog; every dialog has turns of both speakers
/// with the labels neu, hap, exc, sad, ang and fru in a rotating order.
/// </summary>
internal sealed class IemocapTree : IDisposable
{
    /// <summary>One written turn: its dialog folder, utterance id and label code.</summary>
    public sealed record Turn(int Session, string Dialog, string Id, string Code);

    private static readonly string[] Codes = ["neu", "hap", "exc", "sad", "ang", "fru"];
    private readonly CorpusFixture files = new();
    private readonly List<Turn> turns = [];

    public IemocapTree(int sessions = 5, int turnsPerDialog = 6)
    {
        for (int s = 1; s <= sessions; s++)
        {
            string[] dialogs = [$"Ses{s:D2}F_impro01", $"Ses{s:D2}M_impro01", $"Ses{s:D2}F_impro02", $"Ses{s:D2}M_script01_1"];
            for (int d = 0; d < dialogs.Length; d++)
            {
                var lines = new List<string> { "% [START_TIME - END_TIME] TURN_NAME EMOTION [V, A, D]", "" };
                for (int t = 0; t < turnsPerDialog; t++)
                {
                    var turn = new Turn(s, dialogs[d], $"{dialogs[d]}_{"FM"[t % 2]}{t:D3}", Codes[(t + d + s) % Codes.Length]);
                    turns.Add(turn);
                    files.Wav($"Session{s}/sentences/wav/{turn.Dialog}/{turn.Id}.wav", 160);
                    lines.AddRange([$"[{t + 0.5:F4} - {t + 1.0:F4}]\t{turn.Id}\t{turn.Code}\t[2.5000, 3.0000, 3.5000]", ""]);
                }
                files.Text($"Session{s}/dialog/EmoEvaluation/{dialogs[d]}.txt", string.Join("\n", lines));
            }
        }
    }

    public string Root => files.Root;

    public IReadOnlyList<Turn> Turns => turns;

    public void Dispose() => files.Dispose();
}
