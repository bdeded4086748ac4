namespace SerDarts.Corpora;

/// <summary>
/// One speaker-independent fold: no speaker of <paramref name="Test"/> appears in <paramref name="Train"/> or
/// <paramref name="Validation"/>, and no validation speaker appears in training. Training picks its best
/// checkpoint on <paramref name="Validation"/> and reports <paramref name="Test"/>.
/// </summary>
/// <param name="Index">0-based fold number.</param>
/// <param name="Name">Who is tested and who validates, e.g. "Session1 test:Ses01F val:Ses01M" or "fold2 test:Ses02M+Ses03F val:Ses03M+Ses04F".</param>
/// <param name="Train">Utterances the model learns from.</param>
/// <param name="Validation">Utterances that pick the best checkpoint.</param>
/// <param name="Test">Utterances the fold reports.</param>
public sealed record Fold(
    int Index,
    string Name,
    IReadOnlyList<Utterance> Train,
    IReadOnlyList<Utterance> Validation,
    IReadOnlyList<Utterance> Test)
{
    public IReadOnlyList<string> TestSpeakers => Speakers(Test);

    public IReadOnlyList<string> ValidationSpeakers => Speakers(Validation);

    private static List<string> Speakers(IEnumerable<Utterance> part) =>
        part.Select(u => u.Speaker).Distinct().Order(StringComparer.Ordinal).ToList();
}
