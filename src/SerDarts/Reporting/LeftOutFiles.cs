using Microsoft.Data.Analysis;
using SerDarts.Corpora;
using SerDarts.Experiments.Analysis;
using SerDarts.Experiments.Store;

namespace SerDarts.Reporting;

/// <summary>The files completed trials' data left out (unreadable audio, unknown labels, ...): a result computed
/// on fewer clips than the corpus holds must say so.</summary>
public static class LeftOutFiles
{
    /// <summary>Per completed trial (of a suite, when given) the files it left out; trials that left none out are absent.</summary>
    public static IReadOnlyDictionary<long, IReadOnlyList<SkippedFile>> Read(ResultsStore store, string? suite = null) =>
        store.ReadTrialMetrics(suite).Select(t => (t.TrialId, Files: store.ReadSkippedFiles(t.TrialId)))
            .Where(t => t.Files.Count > 0).ToDictionary(t => t.TrialId, t => t.Files);

    /// <summary>One line for the results verb, or null when no trial left a file out.</summary>
    public static string? Line(IReadOnlyDictionary<long, IReadOnlyList<SkippedFile>> files, int trials) => files.Count == 0 ? null
        : $"files left out: {files.Values.Sum(f => f.Count)} in {files.Count} of {trials} completed trial(s) (serdarts report lists them)";

    public static DataFrame Table(IReadOnlyList<SkippedFile> files) =>
        new FrameBuilder<SkippedFile>(files).Text("file", f => f.Path).Text("reason", f => f.Reason).Build();
}
