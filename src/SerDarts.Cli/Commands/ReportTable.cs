using SerDarts.Runs;
using Spectre.Console;

namespace SerDarts.Cli.Commands;

/// <summary>Prints a ClassificationReport: UA, WA, macro-F1 and the confusion matrix.</summary>
internal static class ReportTable
{
    public static void Print(ClassificationReport report, string title)
    {
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(title)}[/]");
        AnsiConsole.MarkupLine($"UA {report.UnweightedAccuracy:P2}   WA {report.WeightedAccuracy:P2}   macro-F1 {report.MacroF1:P2}");
        var table = new Table().AddColumn("truth \\ predicted");
        foreach (var c in report.Classes) table.AddColumn(Markup.Escape(c));
        for (int i = 0; i < report.Classes.Count; i++)
            table.AddRow([Markup.Escape(report.Classes[i]), .. report.Confusion[i].Select(n => n.ToString())]);
        AnsiConsole.Write(table);
    }
}
