using Microsoft.Data.Analysis;
using SerDarts.Experiments.Analysis;
using SerDarts.Networks;

namespace SerDarts.Reporting;

public static partial class ResultTables
{
    /// <summary>The letter of the papers' protocol, and of any protocol of ours that reads exactly the same.</summary>
    public const string PaperProtocolLetter = "P";

    /// <summary>
    /// Every published figure (<see cref="PaperReference.Figures"/>) next to ours, like with like: for each figure
    /// two rows, our number scored honestly (epoch chosen on the validation speakers) and scored the authors' way
    /// (best test epoch, optimistic), each with its protocol. The difference is printed only where our protocol reads
    /// exactly as the papers' (<see cref="PaperReference.Protocol"/>), otherwise <see cref="NotComparable"/>.
    /// Our variant of a model: one whose optimistic protocol is the papers', else the "model" factor's, else the
    /// first with results.
    /// </summary>
    public static PaperComparison PaperComparison(IReadOnlyList<SuiteReport> reports)
    {
        var rows = PaperReference.Figures.SelectMany(figure =>
        {
            var ours = PickLevels(reports, figure.Model);
            return new[] { (Figure: figure, Scoring: "epoch chosen on validation speakers", Ours: ours?.Honest),
                           (Figure: figure, Scoring: "best test epoch (optimistic)", Ours: ours?.Optimistic) };
        }).ToList();
        // The papers' legend entry names the authors' protocol as a whole, so that none of ours inherits its letter
        // by reading the same in words: ours is protocol P only through an equal fingerprint (see Difference).
        var letters = new Dictionary<string, string>(StringComparer.Ordinal) { [AuthorsProtocol] = PaperProtocolLetter };
        foreach (var protocol in rows.Where(r => r.Ours is not null).Select(r => r.Ours!.Protocol))
            letters.TryAdd(protocol, ((char)('A' + letters.Count - 1)).ToString());
        var figures = new FrameBuilder<(PaperFigure Figure, string Scoring, LevelStatistics? Ours)>(rows)
            .Text("source", r => r.Figure.Source).Text("model", r => NetworkKinds.DisplayName(r.Figure.Model)).Text("metric", r => r.Figure.Metric)
            .Text("paper (%)", r => r.Figure.Percent.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))
            .Text("paper protocol", _ => PaperProtocolLetter)
            .Text("our scoring", r => r.Scoring)
            .Text("ours (%)", r => r.Ours is null ? "not run" : Percent(Metric(r.Ours, r.Figure)))
            .Text("ours 95% CI", r => r.Ours is null ? "" : Ci(Metric(r.Ours, r.Figure)))
            .Text("our protocol", r => r.Ours is null ? "" : letters[r.Ours.Protocol])
            .Text("difference (pp)", r => Difference(r.Figure, r.Ours))
            .Text("differs from the authors' protocol in", r => r.Ours?.Fingerprint is { } f ? string.Join(", ", f.Differences(PaperReference.Fingerprint)) : "")
            .Text("variant", r => r.Ours is null ? "" : $"{r.Ours.Variant.Suite} / {r.Ours.Variant.Variant}")
            .Build();
        var legend = new FrameBuilder<KeyValuePair<string, string>>(letters.ToList())
            .Text("protocol", p => p.Value).Text("description", p => p.Key).Build();
        return new PaperComparison(figures, legend, PaperNote);
    }

    private static readonly string AuthorsProtocol =
        "the authors' protocol (jayaneetha/emoDARTS), field by field: " + string.Join("; ", PaperReference.Fingerprint.Fields.Select(f => $"{f.Key} = {f.Value}"));

    private static readonly string PaperNote =
        $"Like with like. The papers' figures were obtained with the authors' protocol ({PaperProtocolLetter}), which reports each "
        + "trial's best epoch measured on the test speakers themselves, so its figures are optimistic. A difference is printed only "
        + $"where our number's protocol fingerprint equals the authors' in every field; otherwise the row says \"{NotComparable}\" "
        + "and the last column names the fields that differ. The emodarts preset matches the authors' data, test pairs and scoring "
        + "but not their training speakers, recording choice, raw features, second-order search, 20/80 split, loss or genotype choice, "
        + "so it is not protocol P. Our honest numbers (epoch chosen on the validation speakers) stand beside them and are never "
        + "subtracted from the papers'.";

    private static string Difference(PaperFigure figure, LevelStatistics? ours) =>
        ours is null ? ""
        : ours.Fingerprint is not { } f || f.Differences(PaperReference.Fingerprint).Count > 0 ? NotComparable
        : Metric(ours, figure) is { } m ? Signed(m.Mean * 100 - figure.Percent) : "";

    private static Statistics.LevelSummary? Metric(LevelStatistics level, PaperFigure figure) =>
        figure.Metric == PaperReference.Wa ? level.Wa : level.Ua;

    private static (LevelStatistics Honest, LevelStatistics Optimistic)? PickLevels(IReadOnlyList<SuiteReport> reports, string model)
    {
        var candidates = reports.SelectMany(r => r.Levels.Where(l => l.Variant.Model == model && l.Ua is not null)
            .Select(l => (Honest: l, Optimistic: r.Optimistic.Single(o => o.Variant.Variant == l.Variant.Variant)))).ToList();
        return candidates.Where(c => c.Optimistic.Protocol == PaperReference.Protocol && c.Optimistic.Ua is not null) // the same data and scoring
                .Concat(candidates.Where(c => c.Honest.Variant.Factor == "model"))
                .Concat(candidates)
                .Select(c => ((LevelStatistics, LevelStatistics)?)c).FirstOrDefault();
    }
}
