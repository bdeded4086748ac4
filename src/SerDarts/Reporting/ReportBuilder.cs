using System.Globalization;
using SerDarts.Experiments.Analysis;
using SerDarts.Experiments.Outcomes;
using SerDarts.Experiments.Store;
using SerDarts.Runtime;

namespace SerDarts.Reporting;

/// <summary>
/// Writes one self-contained HTML report from a results store: the comparison with the papers (like with like), per
/// suite the aggregate table, the levels with 95% bootstrap CIs and their protocols, the paired comparisons, UA per
/// test speaker and by clip duration, UA/WA bars per ablation factor, parameters versus UA, per model the pooled
/// confusion matrix and training curves, for DARTS the search diagnostics (with any warning), the architecture weights
/// and the derived cells, every trial with the files it left out, and the provenance. plotly.js is embedded: the file
/// opens without internet access.
/// </summary>
public sealed class ReportBuilder(ResultsStore store)
{
    public string BuildHtml(ReportOptions? options = null)
    {
        options ??= new ReportOptions();
        var suites = options.Suite is null ? store.ReadSuites() : [options.Suite];
        var aggregates = suites.SelectMany(s => store.ReadAggregates(s)).ToList();
        var reports = suites.Select(s => store.ReadStatistics(s)).ToList();
        var doc = new ReportDocument().Heading(1, options.Title);
        doc.Note($"Generated {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC by SerDarts {LibraryInfo.Version} "
                 + $"from {store.Path}. Metrics are percentages on each fold's held-out test speakers. Aggregate tables: mean ± sample "
                 + "standard deviation (divisor n - 1) over every completed fold x seed trial; n = 1 shows no spread. Uncertainty tables: "
                 + "mean ± sample std over (test speaker, seed) observations with a 95% percentile bootstrap CI that resamples test speakers. "
                 + "Every number names its protocol (corpus subset, split, input window, how the epoch was chosen).");
        if (aggregates.All(a => a.Trials == 0)) doc.Note("No completed trials yet: run a spec (serdarts run) or a suite (serdarts ablate) first.");
        PaperSection(doc, reports, suites);
        for (int i = 0; i < suites.Count; i++)
            new SuiteSection(store, suites[i]).Write(doc, aggregates.Where(a => a.Suite == suites[i]).ToList(), reports[i]);
        ProvenanceSection(doc, options.Suite);
        return doc.ToHtml(options.Title);
    }

    /// <summary>Writes the report atomically and returns its full path.</summary>
    public string Write(string path, ReportOptions? options = null)
    {
        AtomicFile.WriteAllText(path, BuildHtml(options));
        return Path.GetFullPath(path);
    }

    private void PaperSection(ReportDocument doc, IReadOnlyList<SuiteReport> reports, IReadOnlyList<string> suites)
    {
        var corpora = suites.SelectMany(s => store.ReadSpecs(s).Values).Select(s => s.Corpus.Name).Distinct().Order().ToList();
        var comparison = ResultTables.PaperComparison(reports);
        doc.Heading(2, "Comparison with the paper", "paper")
            .Note(comparison.Note)
            .Table(comparison.Figures)
            .Table(comparison.Protocols, "protocols")
            .Note($"Sources: {PaperReference.Citation}; {PaperReference.EmodartsCitation}. IEMOCAP, 4 classes. This store: corpus "
                  + $"{(corpora.Count == 0 ? "none" : string.Join(", ", corpora))}.");
    }

    private void ProvenanceSection(ReportDocument doc, string? suite)
    {
        var rows = store.ReadProvenance(suite);
        if (rows.Count == 0) return;
        var frame = new FrameBuilder<(long TrialId, TrialProvenance P)>(rows)
            .Integer("trial", r => r.TrialId).Text("spec hash", r => r.P.SpecHash[..16]).Integer("seed", r => r.P.Seed)
            .Text("corpus manifest", r => r.P.CorpusManifestHash is { } h ? h[..Math.Min(16, h.Length)] : "")
            .Text("SerDarts", r => r.P.LibraryVersion).Text("git commit", r => r.P.GitCommit ?? "")
            .Text("device", r => r.P.Device).Text("host", r => r.P.Host)
            .Text("started (UTC)", r => r.P.StartedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))
            .Text("ended (UTC)", r => r.P.EndedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture))
            .Build();
        doc.Heading(2, "Provenance", "provenance").Table(frame)
            .Note("The full spec JSON of every trial is in the store's provenance table (ResultsStore.Provenance()).");
    }
}
