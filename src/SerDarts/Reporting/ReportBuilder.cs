using System.Globalization;
using SerDarts.Experiments;
using SerDarts.Runtime;

namespace SerDarts.Reporting;

/// <summary>What a report covers.</summary>
/// <param name="Suite">One suite label, or null for every suite in the store.</param>
/// <param name="Title">Page title.</param>
public sealed record ReportOptions(string? Suite = null, string Title = "SerDarts results");

/// <summary>
/// Writes one self-contained HTML report from a results store: the comparison with the paper, per suite the
/// aggregate table, UA/WA bars per ablation factor, parameters versus UA, per model the pooled confusion matrix and
/// training curves, for DARTS the architecture weights over search epochs and the derived cells, every trial,
/// and the provenance. plotly.js is embedded: the file opens without internet access.
/// </summary>
public sealed class ReportBuilder(ResultsStore store)
{
    public string BuildHtml(ReportOptions? options = null)
    {
        options ??= new ReportOptions();
        var suites = options.Suite is null ? store.ReadSuites() : [options.Suite];
        var aggregates = suites.SelectMany(s => store.ReadAggregates(s)).ToList();
        var doc = new ReportDocument().Heading(1, options.Title);
        doc.Note($"Generated {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC by SerDarts {LibraryInfo.Version} "
                 + $"from {store.Path}. Metrics are percentages on each fold's held-out test speakers: mean ± sample standard "
                 + "deviation (divisor n - 1) over every completed fold x seed trial; n = 1 shows no spread.");
        if (aggregates.All(a => a.Trials == 0)) doc.Note("No completed trials yet: run a spec (serdarts run) or a suite (serdarts ablate) first.");
        PaperSection(doc, aggregates, suites);
        foreach (var suite in suites) new SuiteSection(store, suite).Write(doc, aggregates.Where(a => a.Suite == suite).ToList());
        ProvenanceSection(doc, options.Suite);
        return doc.ToHtml(options.Title);
    }

    /// <summary>Writes the report atomically and returns its full path.</summary>
    public string Write(string path, ReportOptions? options = null)
    {
        AtomicFile.WriteAllText(path, BuildHtml(options));
        return Path.GetFullPath(path);
    }

    private void PaperSection(ReportDocument doc, IReadOnlyList<VariantAggregate> aggregates, IReadOnlyList<string> suites)
    {
        var corpora = suites.SelectMany(s => store.ReadSpecs(s).Values).Select(s => s.Corpus.Name).Distinct().Order().ToList();
        doc.Heading(2, "Comparison with the paper", "paper")
            .Table(ResultTables.PaperComparison(aggregates))
            .Note($"Paper: {PaperReference.Citation}; IEMOCAP, 4 classes, speaker-independent. This store: corpus "
                  + $"{(corpora.Count == 0 ? "none" : string.Join(", ", corpora))}. Numbers on another corpus or with a reduced preset are not comparable.");
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
