using Microsoft.Data.Analysis;
using SerDarts.Experiments.Analysis;
using SerDarts.Experiments.Store;

namespace SerDarts.Reporting;

/// <summary>
/// The tables <c>serdarts results</c> prints, by name, so that the verb only prints them. Display tables are
/// formatted text; raw tables (for CSV) hold full-precision numbers, one table per name.
/// </summary>
public static class ResultsListing
{
    public const string Summary = "summary", Aggregates = "aggregates", Levels = "levels", Comparisons = "comparisons",
        Speakers = "speakers", Optimistic = "optimistic", Trials = "trials";

    public static IReadOnlyList<string> Names { get; } = [Summary, Aggregates, Levels, Comparisons, Speakers, Optimistic, Trials];

    /// <summary>
    /// <see cref="Summary"/>: the aggregates, then per suite its levels (with CIs), their protocols and the
    /// comparisons. Raw, a summary is the aggregates alone (a CSV file holds one table).
    /// </summary>
    public static IReadOnlyList<TitledTable> Tables(ResultsStore store, string? suite, string name, bool raw)
    {
        if (!Names.Contains(name)) throw new ArgumentException($"unknown table '{name}': use {string.Join(", ", Names)}", nameof(name));
        if (name == Aggregates || (name == Summary && raw))
            return [new("aggregates: mean ± sample std over completed fold x seed trials", raw ? store.Aggregates(suite) : ResultTables.Aggregate(store.ReadAggregates(suite)))];
        if (name == Trials)
            return [new("trials", raw ? store.TrialMetrics(suite) : ResultTables.Trials(store.ReadVariants(suite), store.ReadTrialMetrics(suite), LeftOutFiles.Read(store, suite)))];
        var reports = (suite is null ? store.ReadSuites() : [suite]).Select(s => store.ReadStatistics(s)).ToList();
        if (raw)
            return [new(name, name switch
            {
                Levels => StatisticsFrames.Levels(reports),
                Comparisons => StatisticsFrames.Comparisons(reports),
                Optimistic => StatisticsFrames.Optimistic(reports),
                _ => StatisticsFrames.Speakers(reports),
            })];
        var tables = new List<TitledTable>();
        if (name == Summary) tables.AddRange(Tables(store, suite, Aggregates, raw: false));
        if (name == Summary && StabilityTable.Create(store, suite) is { } stability) tables.Add(new(StabilityTable.Title, stability));
        foreach (var report in reports) tables.AddRange(Display(report, name));
        return tables;
    }

    private static IEnumerable<TitledTable> Display(SuiteReport report, string name)
    {
        var suite = $"suite {report.Suite}";
        if (name is Summary or Levels)
            yield return new($"{suite}: UA and WA per independent unit (its test speakers and seeds averaged), mean ± sample std and 95% bootstrap CI over units; pooled over all test clips", ResultTables.Levels(report));
        if (name is Summary or Levels && report.Levels.Any(l => l.Pooled is not null))
            yield return new($"{suite}: recall per emotion over the pooled test clips, 95% bootstrap CI over units", ResultTables.Recall(report));
        if (name is Optimistic)
            yield return new($"{suite}: scored the authors' way (each trial's best epoch on the test speakers; optimistic)", ResultTables.Optimistic(report));
        if (name is Summary or Levels or Optimistic)
            yield return new($"{suite}: protocols", ResultTables.Protocols(report, optimistic: name == Optimistic));
        if (name is Summary or Comparisons && report.Comparisons.Count > 0)
            yield return new($"{suite}: each level against its factor's first, paired on (test speaker, seed), one difference per unit; Holm across each factor's levels", ResultTables.Comparisons(report));
        if (name is Speakers)
            yield return new($"{suite}: UA (%) per test speaker, mean over seeds", ResultTables.Speakers(report));
    }
}
