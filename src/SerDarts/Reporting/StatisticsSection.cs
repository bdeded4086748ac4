using SerDarts.Experiments.Analysis;

namespace SerDarts.Reporting;

/// <summary>A suite's statistics in the report: levels with their 95% CIs and protocols, the paired comparisons, and
/// the per-speaker and per-duration views.</summary>
internal static class StatisticsSection
{
    public static void Write(ReportDocument doc, SuiteReport report)
    {
        doc.Heading(3, "Uncertainty")
            .Table(ResultTables.Levels(report), "per level over its independent units (each unit's test speakers and seeds averaged): mean ± sample std, 95% bootstrap CI over units; UA and WA over the pooled test clips")
            .Table(ResultTables.Protocols(report), "protocols");
        doc.Note("The unit is what is independent: under loso the session (both of its speakers are tested by models trained on "
                 + "the same other sessions), otherwise the fold. Each unit's speakers and seeds are averaged into one value; the std "
                 + "is the spread of those values and the CI resamples units. Pooled UA and WA score every test clip at once. "
                 + "Levels under different protocols are never subtracted.");
        if (report.Levels.Any(l => l.Pooled is not null))
            doc.Table(ResultTables.Recall(report), "recall per emotion over the pooled test clips, 95% bootstrap CI over units");
        if (report.Comparisons.Count > 0)
            doc.Table(ResultTables.Comparisons(report), "each level against its factor's first level: UA difference (level minus reference), one per unit")
                .Note("Differences are paired on (speaker, seed), then averaged inside each unit; the CI resamples units and the Wilcoxon "
                      + "signed-rank test ranks the unit differences. With n units it cannot go below 2/2^n (5 units: 0.0625), which the note "
                      + "says. Holm's p adjusts across the levels of each factor.");
        if (report.Speakers.Count == 0) return;
        doc.Heading(3, "Per test speaker").Table(ResultTables.Speakers(report), "UA (%) per test speaker, mean over seeds")
            .Chart(SpeakerChart.Create(report));
        if (report.Durations.Count > 0) doc.Chart(DurationChart.Create(report));
        else doc.Note("No per-clip predictions are stored for this suite, so there is no view by clip duration.");
    }
}
