using System.CommandLine;
using Microsoft.Data.Analysis;
using SerDarts.Experiments;
using SerDarts.Reporting;
using Spectre.Console;

namespace SerDarts.Cli.Commands;

/// <summary><c>serdarts results [--json]</c>: the aggregate table of a results store.</summary>
internal static class ResultsCommand
{
    public static Command Create()
    {
        var store = new Option<FileInfo>("--store") { Description = "Results store file.", DefaultValueFactory = _ => new FileInfo(ResultsStore.DefaultPath()) };
        var suite = new Option<string?>("--suite") { Description = "Only this suite (as stored, e.g. paper@small)." };
        var json = new Option<bool>("--json") { Description = "Emit the aggregates as JSON (fractions, sample standard deviations)." };
        var format = new Option<string>("--format") { Description = "table, markdown, html or csv (csv: raw numbers).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "markdown", "html", "csv");
        var trials = new Option<bool>("--trials") { Description = "List every trial instead of the aggregates." };
        var command = new Command("results", "Print the aggregate results table (mean ± sample std over folds x seeds).") { store, suite, json, format, trials };
        command.SetAction(result => CliErrors.Run("results", () =>
        {
            using var results = ResultsStore.OpenExisting(result.GetValue(store)!.FullName);
            var name = result.GetValue(suite);
            var aggregates = results.ReadAggregates(name);
            if (result.GetValue(json)) { Console.WriteLine(ResultsJson.Aggregates(aggregates)); return 0; }
            var frame = result.GetValue(trials) ? ResultTables.Trials(results.ReadVariants(name), results.ReadTrialMetrics(name)) : ResultTables.Aggregate(aggregates);
            Print(result.GetValue(format)!, frame, results, name);
            return 0;
        }));
        return command;
    }

    internal static void Print(string format, DataFrame frame, ResultsStore store, string? suite)
    {
        switch (format)
        {
            case "markdown": Console.Write(TableRenderer.ToMarkdown(frame)); break;
            case "html": Console.Write(TableRenderer.ToHtml(frame)); break;
            case "csv": Console.Write(TableRenderer.ToCsv(store.Aggregates(suite))); break;
            default:
                var table = new Table();
                foreach (var column in frame.Columns) table.AddColumn(Markup.Escape(column.Name));
                foreach (var row in frame.Rows) table.AddRow(row.Select(v => Markup.Escape(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "")).ToArray());
                AnsiConsole.Write(table);
                AnsiConsole.MarkupLine("[grey]UA, WA, macro-F1: mean ± sample standard deviation (n - 1) over completed fold x seed trials, in percent.[/]");
                break;
        }
    }
}
