namespace SerDarts.Corpora;

/// <summary>
/// The folds of jayaneetha/emoDARTS (prepare-dataset/prepare_kfold_dataset_iemocap.py, k_folds_exclusions): five
/// folds, each holding out two IEMOCAP speakers of different sessions, written there as session_gender:
/// 1: 01_M, 02_F; 2: 02_M, 03_F; 3: 03_M, 04_F; 4: 04_M, 05_F; 5: 05_M, 01_F. Every speaker is tested once.
/// </summary>
/// <remarks>
/// The authors have no validation set: they report the best epoch measured on the held-out speakers. SerDarts
/// selects its checkpoint on speakers it never tests in that fold: fold i validates on the two speakers of fold
/// i+1 (fold 5 on those of fold 1), who are left out of training, so a fold trains on six speakers where the
/// authors train on eight. Validation speakers never include a test speaker of the same fold, because the
/// authors' folds are disjoint. Fold i is named "foldi test:A+B val:C+D" in SerDarts' speaker ids (Ses01M).
/// </remarks>
public static class EmodartsFolds
{
    /// <summary>The held-out speakers of the five folds, in the authors' notation.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Authors { get; } =
        [["01_M", "02_F"], ["02_M", "03_F"], ["03_M", "04_F"], ["04_M", "05_F"], ["05_M", "01_F"]];

    /// <summary>"01_M" -> "Ses01M", the IEMOCAP loader's speaker id.</summary>
    public static string SpeakerId(string authors) =>
        authors.Length == 4 && authors[2] == '_' && authors[3] is 'F' or 'M'
            ? $"Ses{authors[..2]}{authors[3]}"
            : throw new FormatException($"'{authors}' is not an emoDARTS speaker (session_gender, e.g. 01_M)");

    internal static List<Fold> Folds(IReadOnlyList<Utterance> utterances, IReadOnlyList<string> speakers)
    {
        var folds = Authors.Select(f => f.Select(SpeakerId).ToList()).ToList();
        var expected = folds.SelectMany(f => f).ToHashSet(StringComparer.Ordinal);
        var missing = expected.Where(s => !speakers.Contains(s)).Order(StringComparer.Ordinal).ToList();
        var foreign = speakers.Where(s => !expected.Contains(s)).ToList();
        if (missing.Count > 0 || foreign.Count > 0)
            throw new ArgumentException("the emodarts split is defined on IEMOCAP's ten speakers (Ses01F ... Ses05M)" +
                (missing.Count > 0 ? $"; missing: {string.Join(", ", missing)}" : "") +
                (foreign.Count > 0 ? $"; not IEMOCAP speakers: {string.Join(", ", foreign.Take(5))}" : ""));
        return folds.Select((test, i) => Splits.Build(i, $"fold{i + 1}", utterances, test, folds[(i + 1) % folds.Count], _ => true)).ToList();
    }
}
