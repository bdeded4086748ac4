using SerDarts.Corpora;
using SerDarts.Experiments.Analysis;
using SerDarts.Experiments.Execution;
using SerDarts.Experiments.Specs;
using SerDarts.Experiments.Store;
using SerDarts.Networks;
using SerDarts.Reporting;
using SerDarts.Statistics;
using SerDarts.Tests.Experiments;

namespace SerDarts.Tests.Reporting;

/// <summary>Like with like: a published figure is subtracted only from a number of ours whose protocol fingerprint
/// equals the authors' in every field; no preset of SerDarts reproduces it, so every other row names the fields that differ.</summary>
public class PaperComparisonTests(FilledStore filled) : IClassFixture<FilledStore>
{
    private static readonly string[] Columns =
        ["source", "model", "metric", "paper (%)", "paper protocol", "our scoring", "ours (%)", "ours 95% CI", "our protocol", "difference (pp)",
         "differs from the authors' protocol in", "variant"];

    private static LevelStatistics Level(VariantRow variant, double ua, double wa, string protocol) => new(variant, 5,
        new LevelSummary(5, 5, ua, 0.02, new Interval(ua - 0.01, ua + 0.01), 5), new LevelSummary(5, 5, wa, 0.02, new Interval(wa - 0.01, wa + 0.01), 5), protocol);

    [Fact]
    public void Only_numbers_under_the_papers_protocol_are_subtracted()
    {
        var darts = new VariantRow("e", "model=darts", "model", "darts", 0, NetworkKinds.Darts, "h1");
        var cnn = new VariantRow("e", "model=cnn", "model", "cnn", 1, NetworkKinds.Cnn, "h2");
        // A hypothetical replication whose fingerprint equals the authors' in every field (the darts row scored the
        // authors' way), beside levels without a fingerprint.
        var report = new SuiteReport("e", [], [Level(darts, 0.70, 0.72, "ours, honest"), Level(cnn, 0.60, 0.61, "ours, honest")], [], [],
            [Level(darts, 0.80, 0.81, PaperReference.Protocol) with { Fingerprint = PaperReference.Fingerprint }, Level(cnn, 0.65, 0.66, "another corpus, optimistic")]);

        var comparison = ResultTables.PaperComparison([report]);
        var table = comparison.Figures;

        Assert.Equal(Columns, table.Columns.Select(c => c.Name));
        Assert.Equal(["73.18", "73.18", "72.58", "72.58", "56.75", "56.75", "76.55", "76.55", "78.03", "78.03"], table["paper (%)"].Cast<string>());
        Assert.Equal(["UA", "UA", "UA", "UA", "UA", "UA", "UA", "UA", "WA", "WA"], table["metric"].Cast<string>());
        Assert.Equal(["70.00 ± 2.00", "80.00 ± 2.00", "60.00 ± 2.00", "65.00 ± 2.00", "not run", "not run", "70.00 ± 2.00", "80.00 ± 2.00", "72.00 ± 2.00", "81.00 ± 2.00"],
            table["ours (%)"].Cast<string>());
        // 80.00 - 73.18, 80.00 - 76.55, 81.00 - 78.03; every other number of ours has no equal fingerprint.
        Assert.Equal([ResultTables.NotComparable, "+6.82", ResultTables.NotComparable, ResultTables.NotComparable, "", "",
                      ResultTables.NotComparable, "+3.45", ResultTables.NotComparable, "+2.97"], table["difference (pp)"].Cast<string>());
        // Our letters never borrow P from a description that reads like the papers': only the fingerprint decides.
        Assert.Equal(["A", "B", "A", "C", "", "", "A", "B", "A", "B"], table["our protocol"].Cast<string>());
        Assert.All(table["paper protocol"].Cast<string>(), p => Assert.Equal("P", p));
        Assert.All(table["differs from the authors' protocol in"].Cast<string>(), d => Assert.Equal("", d));
        Assert.Equal(["P", "A", "B", "C"], comparison.Protocols["protocol"].Cast<string>());
        Assert.StartsWith("the authors' protocol (jayaneetha/emoDARTS), field by field: corpus = iemocap;", comparison.Protocols["description"].Cast<string>().First());
        Assert.Contains("search.order = second", comparison.Protocols["description"].Cast<string>().First());
        Assert.Contains("not comparable: different protocol", comparison.Note);
    }

    [Fact]
    public void The_papers_protocol_is_the_authors_on_improvised_iemocap_with_the_epoch_chosen_on_the_test_speakers()
    {
        Assert.StartsWith("iemocap (improvised dialogs, excited left out, one recording per improvisation)", PaperReference.Protocol);
        Assert.Contains("mfcc 128x128, first 8.00 s of each clip", PaperReference.Protocol);
        Assert.EndsWith("best epoch on the test speakers (the authors' way; optimistic)", PaperReference.Protocol);
    }

    [Fact]
    public void A_store_of_the_paper_suite_on_the_sample_corpus_is_never_subtracted()
    {
        var reports = filled.Store.ReadSuites().Select(s => filled.Store.ReadStatistics(s)).ToList();

        var differences = ResultTables.PaperComparison(reports).Figures["difference (pp)"].Cast<string>().ToList();

        Assert.Equal(10, differences.Count);
        Assert.All(differences, d => Assert.Equal(ResultTables.NotComparable, d));
        // The sample corpus run differs from the authors' protocol from the corpus on, and the table says so.
        var differing = ResultTables.PaperComparison(reports).Figures["differs from the authors' protocol in"].Cast<string>().Where(d => d != "").ToList();
        Assert.NotEmpty(differing);
        Assert.All(differing, d => Assert.StartsWith("corpus, corpus.dialogs, corpus.excited, corpus.recordings, split,", d));
    }

    [Fact]
    public void A_store_run_with_the_emodarts_preset_on_iemocap_is_scored_the_authors_way_but_not_subtracted()
    {
        using var folder = new TempFolder();
        using var store = ResultsStore.Open(folder.File("results.db"));
        var spec = ExperimentPresets.ApplyEmodarts(new ExperimentSpec { Name = "emodarts", Corpus = new CorpusSpec("iemocap", "/data/IEMOCAP") })
            with { Folds = [0, 1], Seeds = [0] };
        new ExperimentRunner(store, new ScriptedExecutor(folds: 5), TestSpecs.Options(folder)).RunSpec(spec);

        var table = ResultTables.PaperComparison([store.ReadStatistics("emodarts")]).Figures;

        // FakeOutcomes' test UA per epoch is 0.3 + 0.1 e and WA 0.35 + 0.1 e over 3 epochs: the best epoch gives 0.6 and
        // 0.65 in every trial. Honest UA: 0.40 + 0.02 fold + 0.20 (darts) + 0.001 (1 LSTM layer) + 0.0004 (4 cells).
        Assert.Equal(["61.14 ± 1.41", "60.00 ± 0.00"], table["ours (%)"].Cast<string>().Take(2));
        Assert.All(table["difference (pp)"].Cast<string>().Where(d => d != ""), d => Assert.Equal(ResultTables.NotComparable, d));
        // The items of the authors' protocol the emodarts preset does not reproduce (shared/docs/authors-protocol.md).
        Assert.Equal("corpus.recordings, split.trainingSpeakers, features.normalization, search.order, search.portion, search.loss, search.genotype",
            table["differs from the authors' protocol in"].Cast<string>().ElementAt(1));
        Assert.EndsWith("search.genotype, scoring", table["differs from the authors' protocol in"].Cast<string>().First()); // honest scoring too
        Assert.Equal(["not run", "not run"], table["ours (%)"].Cast<string>().Skip(2).Take(2)); // no CNN in this store
    }
}
