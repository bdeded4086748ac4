using System.Text.RegularExpressions;
using SerDarts.Experiments.Analysis;
using SerDarts.Experiments.Store;
using SerDarts.Reporting;
using SerDarts.Tests.Experiments;

namespace SerDarts.Tests.Reporting;

public class ReportBuilderTests(FilledStore filled) : IClassFixture<FilledStore>
{
    [Fact]
    public void Aggregates_of_a_filled_store_match_the_hand_computed_values()
    {
        var aggregates = filled.Store.ReadAggregates(FilledStore.Suite);

        Assert.Equal(14, aggregates.Count);
        foreach (var a in aggregates)
        {
            var spec = filled.Variants[a.Ordinal].Spec;
            // Folds 0-1 x seeds 0-1: UA = u + {0, 0.005, 0.02, 0.025}, so the mean is u + 0.0125 and the sample std is
            // sqrt((0.0125² + 0.0075² + 0.0075² + 0.0125²) / 3) = sqrt(0.000425 / 3).
            Assert.Equal((4, 2, 2), (a.Trials, a.Folds, a.Seeds));
            Assert.Equal(FakeOutcomes.Ua(spec, 0, 0) + 0.0125, a.UnweightedAccuracy.Mean, 12);
            Assert.Equal(Math.Sqrt(0.000425 / 3), a.UnweightedAccuracy.StandardDeviation, 12);
            Assert.Equal(FakeOutcomes.Parameters(spec), a.MeanParameters, 9);
        }
    }

    [Fact]
    public void Report_holds_every_table_and_chart_and_embeds_plotly()
    {
        var page = new ReportBuilder(filled.Store).BuildHtml(new ReportOptions(Title: "Ablation report"));
        Assert.Contains("plotly.js v2.28.0", page, StringComparison.Ordinal);
        var html = page.Replace(PlotlyJs.Source, "", StringComparison.Ordinal); // the rest is what the report itself wrote
        Assert.True(html.Length < page.Length - 3_000_000);

        Assert.Contains("<title>Ablation report</title>", html);
        Assert.Contains("Comparison with the paper", html);
        Assert.Contains("<td>73.18</td>", html);
        Assert.Contains("<td>72.58</td>", html);
        Assert.Contains("<td>56.75</td>", html);
        // darts base: UA = 0.40 + 0.20 + 0.001 + 0.0004 + 0.0125 = 0.6139 -> 61.39; sample std 1.19 pp.
        Assert.Contains("<td>61.39 ± 1.19</td>", html);
        Assert.Contains("Suite paper@small", html);
        foreach (var level in new[] { "darts-cnn-lstm", "random-cnn-lstm", "cnn", "cnn-lstm", "linear", "4", "8", "1", "2", "3", "mfcc", "logmel", "none",
                     "speed-noise-specaugment" })
            Assert.Contains($"<td>{level}</td>", html);
        // 5 factor bar charts + scatter + speakers + durations + 5 models x (confusion + curves)
        // + darts: search diagnostics + 2 weight heatmaps + 2 cells = 23.
        Assert.Equal(23, Regex.Matches(html, @"serdarts\.plot\(""chart-\d+""").Count);
        Assert.DoesNotMatch(new Regex("<(script|link|img)[^>]*(src|href)=", RegexOptions.IgnoreCase), page);
        Assert.Contains("Provenance", html);
        Assert.Contains("test-commit", html);
        // The trials table lists each of the 40 trials once; the base trials name the five variants they stand for.
        Assert.Equal(40, Regex.Matches(html, "<tr><td class=\"number\">\\d+</td><td>model=").Count + Regex.Matches(html, "<tr><td class=\"number\">\\d+</td><td>(cells|lstm-layers|features|augmentation)=").Count);
        Assert.Equal(4, Regex.Matches(html, "<td>model=darts-cnn-lstm, cells=4, lstm-layers=1, features=mfcc, augmentation=none</td>").Count);
    }

    [Fact]
    public void Report_of_an_empty_store_says_so()
    {
        using var folder = new TempFolder();
        using var store = ResultsStore.Open(folder.File("empty.db"));
        var html = new ReportBuilder(store).BuildHtml().Replace(PlotlyJs.Source, "", StringComparison.Ordinal);
        Assert.Contains("No completed trials yet", html);
        Assert.Contains("<td>not run</td>", html);
        Assert.DoesNotContain("serdarts.plot(\"chart-", html);
    }

    [Fact]
    public void Report_is_written_atomically_to_the_requested_path()
    {
        var path = Path.Combine(filled.Folder, "out", "report.html");
        var written = new ReportBuilder(filled.Store).Write(path, new ReportOptions(FilledStore.Suite));
        Assert.Equal(Path.GetFullPath(path), written);
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(path));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }

    [Fact]
    public void Results_table_of_a_filled_store_renders_in_every_format()
    {
        var aggregates = filled.Store.ReadAggregates(FilledStore.Suite);
        var markdown = TableRenderer.ToMarkdown(ResultTables.Aggregate(aggregates));
        Assert.Equal(14 + 2, markdown.Trim().Split('\n').Length);
        Assert.Contains("| paper@small | cells | 8 | DARTS CNN-LSTM | 4 |", markdown);
        var csv = TableRenderer.ToCsv(filled.Store.Aggregates(FilledStore.Suite));
        Assert.StartsWith("suite,variant,factor,level,model,trials,folds,seeds,ua_mean,ua_std,", csv);
        Assert.Equal(15, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
