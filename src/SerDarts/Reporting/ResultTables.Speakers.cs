using Microsoft.Data.Analysis;
using SerDarts.Experiments.Analysis;

namespace SerDarts.Reporting;

public static partial class ResultTables
{
    /// <summary>UA (%) per test speaker (rows) and variant (columns), each the mean over the seeds that tested the
    /// speaker; empty where a variant has no result for the speaker.</summary>
    public static DataFrame Speakers(SuiteReport report)
    {
        var means = SpeakerMeans.Of(report).ToDictionary(m => (m.Variant, m.Speaker));
        var builder = new FrameBuilder<string>(SpeakerMeans.Speakers(report)).Text("speaker", s => s);
        foreach (var variant in SpeakerMeans.Variants(report))
            builder.Text(variant, s => means.TryGetValue((variant, s), out var m) ? Pct(m.UnweightedAccuracy) : "");
        return builder.Build();
    }
}
