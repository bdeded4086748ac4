using System.CommandLine;
using Microsoft.Data.Analysis;
using SerDarts.Experiments.Analysis;
using SerDarts.Experiments.Store;
using SerDarts.Reporting;
using Spectre.Console;

namespace SerDarts.Cli.Commands;

/// <summary><c>serdarts results [--store S] [--table T] [--json]</c>: after a line of trial counts (done, running,
/// queued, failed) to follow a cluster run, the aggregate table, then per suite the levels with their 95% CIs and
/// protocols and the paired comparisons (<see cref="ResultsListing"/> chooses the tables; this verb prints them).</summary>
internal static class ResultsCommand
{
    public static Command Create()
    {
        var store = StoreOption();
        var suite = new Option<string?>("--suite") { Description = "Only this suite (as stored, e.g. paper@small)." };
        var json = new Option<bool>("--json") { Description = "Emit aggregates, levels, comparisons and the optimistic levels as one JSON object (fractions)." };
        var format = new Option<string>("--format") { Description = "table, markdown, html or csv (csv: one table of raw numbers; the aggregates for summary).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "markdown", "html", "csv");
        var table = new Option<string>("--table")
        {
            Description = "summary (aggregates, levels with CIs, comparisons), aggregates, levels, comparisons, speakers, optimistic or trials.",
            DefaultValueFactory = _ => ResultsListing.Summary,
        };
        table.AcceptOnlyFromAmong([.. ResultsListing.Names]);
        var trials = new Option<bool>("--trials") { Description = "List every trial (the same as --table trials)." };
        var command = new Command("results", "Print the results: aggregates, levels with 95% bootstrap CIs and protocols, paired comparisons.")
            { store, suite, json, format, table, trials };
        command.SetAction(result => CliErrors.Run("results", () =>
        {
            using var results = ResultsStore.OpenExisting(result.GetValue(store)!);
            var name = result.GetValue(suite);
            var output = result.InvocationConfiguration.Output;
            if (result.GetValue(json))
            {
                var reports = (name is null ? results.ReadSuites() : [name]).Select(s => results.ReadStatistics(s)).ToList();
                output.WriteLine(ResultsJson.Results(results.ReadAggregates(name), reports));
                return 0;
            }
            var chosen = result.GetValue(trials) ? ResultsListing.Trials : result.GetValue(table)!;
            if (result.GetValue(format) == "table")
            {
                var ids = results.ReadTrials(name).Select(t => t.TrialId).ToList();
                AnsiConsole.MarkupLine(Markup.Escape($"trials{(name is null ? "" : $" of {name}")}: {results.ReadTrialCounts(ids)}"));
                if (LeftOutFiles.Line(LeftOutFiles.Read(results, name), results.ReadTrialMetrics(name).Count) is { } line)
                    AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(line)}[/]");
            }
            foreach (var titled in ResultsListing.Tables(results, name, chosen, raw: result.GetValue(format) == "csv"))
                Print(result.GetValue(format)!, titled, output);
            return 0;
        }));
        return command;
    }

    /// <summary>The --store option of the verbs that read a store: a SQLite file or a PostgreSQL connection.</summary>
    internal static Option<string> StoreOption() => new("--store")
    {
        Description = "Results store: a SQLite file or postgres://user@host:5432/db (password from PGPASSWORD or ~/.pgpass).",
        DefaultValueFactory = _ => ResultsStore.DefaultPath(),
    };

    internal static void Print(string format, TitledTable titled, TextWriter output)
    {
        switch (format)
        {
            case "markdown": output.Write($"\n**{titled.Title}**\n\n{TableRenderer.ToMarkdown(titled.Frame)}"); break;
            case "html": output.Write(TableRenderer.ToHtml(titled.Frame, titled.Title)); break;
            case "csv": output.Write(TableRenderer.ToCsv(titled.Frame)); break;
            default: PrintTable(titled.Title, titled.Frame); break;
        }
    }

    internal static void PrintTable(string title, DataFrame frame)
    {
        var table = new Table { Title = new TableTitle(Markup.Escape(title)) };
        foreach (var column in frame.Columns) table.AddColumn(Markup.Escape(column.Name));
        foreach (var row in frame.Rows) table.AddRow(row.Select(v => Markup.Escape(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "")).ToArray());
        AnsiConsole.Write(table);
    }
}
