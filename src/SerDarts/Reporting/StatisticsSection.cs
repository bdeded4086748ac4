using SerDarts.Experiments;

namespace SerDarts.Reporting;

/// <summary>A suite's statistics in the report: levels with their 95% CIs and protocols, the paired comparisons, and
/// the per-speaker and per-duration views.</summary>
internal static class StatisticsSection
{
    public static void Write(ReportDocument doc, SuiteReport report)
    {
        doc.Heading(3, "Uncertainty")
            .Table(ResultTables.Levels(report), "per level over (test speaker, seed) observations: mean ± sample std, 95% bootstrap CI over test speakers")
            .Table(ResultTables.Protocols(report), "protocols");
        doc.Note("The CI resamples test speakers (a speaker's seeds stay together), so it reflects how much a number depends on "
                 + "which people were tested; the std is the plain sample spread of the observations. Levels under different "
                 + "protocols are never subtracted.");
        if (report.Comparisons.Count > 0)
            doc.Table(ResultTables.Comparisons(report), "each level against its factor's first level: UA difference (level minus reference), paired on (speaker, seed)")
                .Note("The difference's CI resamples test speakers; the Wilcoxon signed-rank test asks whether the paired differences are "
                      + "centred on zero (it counts a speaker's seeds as separate pairs, so with several seeds its p-value is somewhat optimistic).");
        if (report.Speakers.Count == 0) return;
        doc.Heading(3, "Per test speaker").Table(ResultTables.Speakers(report), "UA (%) per test speaker, mean over seeds")
            .Chart(SpeakerChart.Create(report));
        if (report.Durations.Count > 0) doc.Chart(DurationChart.Create(report));
        else doc.Note("No per-clip predictions are stored for this suite, so there is no view by clip duration.");
    }
}
