using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SerDarts.Cli;
using SerDarts.Reporting;
using SerDarts.Search;

namespace SerDarts.Tests.Reporting;

/// <summary>What a researcher reads about <see cref="ProbeStore"/>: the report, the results verb and its JSON hold
/// the values worked out by hand there.</summary>
public class ProbeReportTests(ProbeStore probe) : IClassFixture<ProbeStore>
{
    // DARTS: per fold (the unit: the probe's folds have no session names), speaker a scores 1 with both seeds and
    // speaker b 1 and 3/4 (mean 7/8), so each of the two units is worth (1 + 7/8) / 2 = 0.9375: mean 0.9375, std 0.

    private string Report() => new ReportBuilder(probe.Store).BuildHtml().Replace(PlotlyJs.Source, "", StringComparison.Ordinal);

    [Fact]
    public void The_report_shows_levels_comparisons_and_speakers_with_the_hand_computed_values()
    {
        var html = Report();

        Assert.Contains("<td>93.75 ± 0.00</td>", html);           // DARTS UA (and WA: 3 of 4 clips right is also 3/4)
        Assert.Contains("<td>50.00 ± 0.00</td>", html);           // the CNN: 1/2 on every speaker
        Assert.Contains("<td>2 folds</td>", html);
        // Pooled: 32 clips, the two seed-1 "b" speakers miss their angry clip: recall 1, 1, 1, 6/8 -> UA 93.75, WA 30/32.
        Assert.Contains("<td>93.8</td><td>93.8</td>", html);
        Assert.Contains("<td>angry</td><td class=\"number\">8</td><td>75.0</td><td>[75.00, 75.00]</td>", html); // 3 of 4 in each fold
        // CNN minus DARTS, one difference per unit: -0.4375 twice. Two tied ranks of one sign, n = 2: the exact
        // sign-flip distribution gives p = 2 / 2^2, the floor for two units, which the note says.
        Assert.Contains("<td>-43.75</td>", html);
        Assert.Contains("<td>0.5000 (sign-flip)</td>", html);
        Assert.Contains("2 units: a signed-rank test cannot reach 0.05 (smallest attainable p = 0.5)", html);
        var speakers = Regex.Match(html, "<caption>UA \\(%\\) per test speaker, mean over seeds</caption>.*?</table>", RegexOptions.Singleline).Value;
        Assert.Contains("<tr><td>0-a</td><td>100.00</td><td>50.00</td></tr>", speakers);
        Assert.Contains("<tr><td>0-b</td><td>87.50</td><td>50.00</td></tr>", speakers); // seed 0: 1, seed 1: 3/4
        Assert.Contains("UA by clip duration", html);
        Assert.Contains("UA by test speaker", html);
    }

    [Fact]
    public void The_report_shows_a_flat_searchs_warning_in_a_box_and_its_diagnostics()
    {
        var html = Report();
        var warning = WebUtility.HtmlEncode(ArchitectureDiagnostics.FlatWarning(ProbeStore.FlatSearch)!);

        Assert.Contains("lowest 0.9950", warning);
        Assert.Matches(new Regex($"<p class=\"warning\"><strong>Warning:</strong> search of fold 0, seed 0: {Regex.Escape(warning)}</p>"), html);
        Assert.Contains("search diagnostics, fold 0, seed 0", html);
        Assert.Contains("\"name\":\"flat above 0.98\"", html);
    }

    [Fact]
    public void The_report_counts_and_lists_the_files_each_trial_left_out()
    {
        var html = Report();

        Assert.Contains("<th>files left out</th>", html);
        var summary = Regex.Match(html, @"<details><summary>trial (\d+) \(fold 0, seed 0\): 2 file\(s\) left out</summary>");
        Assert.True(summary.Success, "no collapsed list of left-out files");
        Assert.Single(Regex.Matches(html, "<details>"));
        Assert.Contains("<td>Session1/a.wav</td><td>unreadable: not a RIFF file</td>", html);
        Assert.Contains("<td>Session1/b.wav</td><td>label &#39;fru&#39; outside the four classes</td>", html);
    }

    [Fact]
    public void The_results_line_counts_left_out_files()
    {
        var files = LeftOutFiles.Read(probe.Store, ProbeStore.Suite);
        Assert.Equal("files left out: 2 in 1 of 8 completed trial(s) (serdarts report lists them)", LeftOutFiles.Line(files, 8));
        Assert.Null(LeftOutFiles.Line(new Dictionary<long, IReadOnlyList<SerDarts.Corpora.SkippedFile>>(), 8));
    }

    [Fact]
    public void Results_json_has_levels_and_comparisons_with_every_number()
    {
        var (code, output) = Cli("results", "--store", probe.Path, "--json");

        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(2, json.GetProperty("aggregates").GetArrayLength());
        var darts = json.GetProperty("levels")[0];
        Assert.Equal(("model=darts", 4, 2), (darts.GetProperty("variant").GetString(), darts.GetProperty("trials").GetInt32(), darts.GetProperty("seeds").GetInt32()));
        var ua = darts.GetProperty("ua");
        Assert.Equal(0.9375, ua.GetProperty("mean").GetDouble(), 12);
        Assert.Equal(0.0, ua.GetProperty("sampleStd").GetDouble(), 12);
        Assert.Equal((8, 4, 2), (ua.GetProperty("count").GetInt32(), ua.GetProperty("speakers").GetInt32(), ua.GetProperty("units").GetInt32()));
        Assert.Equal((0.9375, 0.9375), (ua.GetProperty("ciLow").GetDouble(), ua.GetProperty("ciHigh").GetDouble())); // both units are 0.9375
        Assert.Equal(("fold", 2), (darts.GetProperty("unit").GetString(), darts.GetProperty("units").GetInt32()));
        Assert.Equal(0.9375, darts.GetProperty("pooledUa").GetDouble(), 12);
        Assert.Equal(30.0 / 32, darts.GetProperty("pooledWa").GetDouble(), 12);
        var recall = darts.GetProperty("recall").EnumerateArray().ToDictionary(r => r.GetProperty("emotion").GetString()!);
        Assert.Equal(["neutral", "happy", "sad", "angry"], recall.Keys);
        Assert.Equal((8, 0.75, 0.75, 0.75), (recall["angry"].GetProperty("clips").GetInt32(), recall["angry"].GetProperty("recall").GetDouble(),
            recall["angry"].GetProperty("ciLow").GetDouble(), recall["angry"].GetProperty("ciHigh").GetDouble()));
        Assert.Equal(1.0, recall["sad"].GetProperty("recall").GetDouble());
        Assert.Contains("epoch chosen on the validation speakers", darts.GetProperty("protocol").GetString());

        var comparison = json.GetProperty("comparisons").EnumerateArray().Single();
        Assert.Equal(("fold", 2), (comparison.GetProperty("unit").GetString(), comparison.GetProperty("units").GetInt32()));
        Assert.Equal((0.5, 0.5, 0.5), (comparison.GetProperty("p").GetDouble(), comparison.GetProperty("pHolm").GetDouble(),
            comparison.GetProperty("minAttainableP").GetDouble())); // one comparison in the family: Holm leaves it as it is
        var cnn = comparison.GetProperty("ua");
        Assert.Equal(-0.4375, cnn.GetProperty("meanDifference").GetDouble(), 12);
        Assert.Equal((-0.4375, -0.4375), (cnn.GetProperty("ciLow").GetDouble(), cnn.GetProperty("ciHigh").GetDouble()));
        Assert.Equal((8, 4, 2), (cnn.GetProperty("pairs").GetInt32(), cnn.GetProperty("speakers").GetInt32(), cnn.GetProperty("units").GetInt32()));
        var wilcoxon = cnn.GetProperty("wilcoxon");
        Assert.Equal(0.5, wilcoxon.GetProperty("pValue").GetDouble(), 12);
        Assert.Equal("sign-flip", wilcoxon.GetProperty("method").GetString());
        Assert.Equal((0.0, 3.0), (wilcoxon.GetProperty("rankSumPositive").GetDouble(), wilcoxon.GetProperty("rankSumNegative").GetDouble()));

        var optimistic = json.GetProperty("optimistic")[0];
        Assert.Equal(0.6, optimistic.GetProperty("ua").GetProperty("mean").GetDouble(), 12); // FakeOutcomes' best test epoch
        Assert.Contains("optimistic", optimistic.GetProperty("protocol").GetString());
    }

    [Fact]
    public void Results_csv_writes_one_table_of_raw_numbers()
    {
        var (code, output) = Cli("results", "--store", probe.Path, "--table", "levels", "--format", "csv");

        Assert.Equal(0, code);
        var lines = output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("suite,variant,factor,level,model,trials,seeds,observations,speakers,unit,units,ua_mean,ua_std,ua_ci_low,ua_ci_high,", lines[0]);
        Assert.StartsWith("probe,model=darts,model,darts,darts,4,2,8,4,fold,2,", lines[1]);
        var darts = lines[1].Split(',');
        Assert.Equal(0.9375, double.Parse(darts[11], System.Globalization.CultureInfo.InvariantCulture), 12); // full precision, a fraction
        Assert.Equal(0.0, double.Parse(darts[12], System.Globalization.CultureInfo.InvariantCulture), 12);
        Assert.StartsWith("probe,model=cnn,model,cnn,cnn,4,2,8,4,fold,2,0.5,0,0.5,0.5,", lines[2]);
    }

    private static (int Code, string Output) Cli(params string[] args)
    {
        var output = new StringWriter();
        var code = CliApp.Build().Parse(args).Invoke(new System.CommandLine.InvocationConfiguration { Output = output, Error = output });
        return (code, output.ToString());
    }
}
