using SerDarts.Reporting;
using SerDarts.Statistics;

namespace SerDarts.Tests.Reporting;

/// <summary>The display and raw tables of a suite's statistics hold the values of <see cref="HandReport"/>, typed in
/// by hand, formatted as percentages.</summary>
public class StatisticsTablesTests
{
    [Fact]
    public void Levels_show_mean_std_ci_counts_and_a_protocol_letter()
    {
        var table = ResultTables.Levels(HandReport.Create());

        Assert.Equal(["factor", "level", "model", "trials", "seeds", "speakers", "units", "UA (%)", "UA 95% CI", "WA (%)", "WA 95% CI",
                "pooled UA (%)", "pooled WA (%)", "protocol"],
            table.Columns.Select(c => c.Name));
        Assert.Equal(["2 folds", "2 folds", "1 fold"], table["units"].Cast<string>());
        Assert.Equal(["—", "—", "—"], table["pooled UA (%)"].Cast<string>()); // the hand report stores no predictions
        Assert.Equal(["DARTS CNN-LSTM", "CNN", "DARTS CNN-LSTM"], table["model"].Cast<string>());
        Assert.Equal([4L, 4L, 1L], table["trials"].Cast<long>());
        Assert.Equal([2L, 2L, 1L], table["seeds"].Cast<long>());
        Assert.Equal([2L, 2L, 1L], table["speakers"].Cast<long>());
        Assert.Equal(["72.50 ± 9.57", "47.50 ± 6.45", "66.00 (1 unit)"], table["UA (%)"].Cast<string>());
        // One unit resampled is always that unit: no interval is shown.
        Assert.Equal(["[70.00, 75.00]", "[45.00, 50.00]", "— (1 unit)"], table["UA 95% CI"].Cast<string>());
        Assert.Equal(["71.00 ± 8.12", "46.50 ± 6.00", "65.00 (1 unit)"], table["WA (%)"].Cast<string>());
        Assert.Equal(["[69.00, 73.01]", "[44.00, 49.00]", "— (1 unit)"], table["WA 95% CI"].Cast<string>());
        Assert.Equal(["A", "A", "B"], table["protocol"].Cast<string>());
    }

    [Fact]
    public void Protocol_letters_are_shared_by_the_honest_and_the_optimistic_tables()
    {
        var report = HandReport.Create();

        var honest = ResultTables.Protocols(report);
        var optimistic = ResultTables.Protocols(report, optimistic: true);

        Assert.Equal(["A", "B"], honest["protocol"].Cast<string>());
        Assert.Equal(["honest protocol", "other protocol"], honest["description"].Cast<string>());
        Assert.Equal(["C", "D"], optimistic["protocol"].Cast<string>());
        Assert.Equal(["optimistic protocol", "optimistic other protocol"], optimistic["description"].Cast<string>());
        Assert.Equal(["C", "C", "D"], ResultTables.Optimistic(report)["protocol"].Cast<string>());
        Assert.Equal(["80.00 ± 1.00", "—", "—"], ResultTables.Optimistic(report)["UA (%)"].Cast<string>());
    }

    [Fact]
    public void Comparisons_show_the_paired_difference_its_ci_and_p_value_or_the_problem()
    {
        var table = ResultTables.Comparisons(HandReport.Create());

        Assert.Equal(["factor", "reference", "level", "UA difference (pp)", "95% CI (pp)", "Wilcoxon p", "Holm p", "units", "pairs", "speakers", "note"],
            table.Columns.Select(c => c.Name));
        Assert.Equal(["—", "—"], table["Holm p"].Cast<string>()); // the hand report gives no Holm value
        Assert.Equal(["4 folds", "—"], table["units"].Cast<string>());
        Assert.Equal(["darts", "all"], table["reference"].Cast<string>());
        Assert.Equal(["-25.00", "—"], table["UA difference (pp)"].Cast<string>());
        Assert.Equal(["[-30.00, -20.00]", "—"], table["95% CI (pp)"].Cast<string>());
        Assert.Equal(["0.1250 (exact)", "—"], table["Wilcoxon p"].Cast<string>());
        Assert.Equal(["4", "—"], table["pairs"].Cast<string>());
        Assert.Equal(["2", "—"], table["speakers"].Cast<string>());
        Assert.Equal(["4 units: a signed-rank test cannot reach 0.05 (smallest attainable p = 0.125)", "different protocols: not compared"],
            table["note"].Cast<string>());
    }

    [Theory]
    [InlineData(0.0078125, WilcoxonMethod.SignFlip, "0.0078 (sign-flip)")]
    [InlineData(0.00004, WilcoxonMethod.Normal, "< 0.0001 (normal)")]
    [InlineData(1.0, WilcoxonMethod.Exact, "1.0000 (exact)")]
    public void P_values_name_their_method(double p, WilcoxonMethod method, string expected) =>
        Assert.Equal(expected, ResultTables.PValue(new WilcoxonResult(8, 0, 0, 36, null, p, method)));

    [Fact]
    public void Per_speaker_table_averages_each_speaker_over_its_seeds()
    {
        var table = ResultTables.Speakers(HandReport.Create());

        Assert.Equal(["speaker", "model=darts", "model=cnn", "dialogs=improvised"], table.Columns.Select(c => c.Name));
        Assert.Equal(["a", "b"], table["speaker"].Cast<string>());
        Assert.Equal(["75.00", "70.00"], table["model=darts"].Cast<string>()); // (0.80 + 0.70) / 2, (0.60 + 0.80) / 2
        Assert.Equal(["45.00", "50.00"], table["model=cnn"].Cast<string>());
        Assert.Equal(["66.00", ""], table["dialogs=improvised"].Cast<string>());
    }

    [Fact]
    public void Raw_frames_keep_fractions_at_full_precision()
    {
        var report = HandReport.Create();

        var levels = StatisticsFrames.Levels([report]);
        var comparisons = StatisticsFrames.Comparisons([report]);

        Assert.Equal([0.725, 0.475, 0.66], levels["ua_mean"].Cast<double?>());
        Assert.Equal([0.7301, 0.49, 0.65], levels["wa_ci_high"].Cast<double?>());
        Assert.Equal([2L, 2L, 1L], levels["seeds"].Cast<long>());
        Assert.Equal([-0.25, null], comparisons["ua_difference"].Cast<double?>());
        Assert.Equal([0.125, null], comparisons["wilcoxon_p"].Cast<double?>());
        Assert.Equal(["exact", null], comparisons["wilcoxon_method"].Cast<string?>());
        Assert.Equal([null, "different protocols: not compared"], comparisons["problem"].Cast<string?>());
        var csv = TableRenderer.ToCsv(comparisons).Split("\r\n");
        Assert.StartsWith("suite,factor,reference,level,variant,unit,units,pairs,speakers,ua_difference,ua_difference_ci_low,ua_difference_ci_high,wilcoxon_p,", csv[0]);
        // no Holm value, smallest attainable p 2/2^4, statistic min(R+, R-) = 0; no z
        Assert.Equal("hand,model,darts,cnn,model=cnn,fold,4,4,2,-0.25,-0.3,-0.2,0.125,exact,,0.125,0,,0,0,", csv[1]);
    }
}
