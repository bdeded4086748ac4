using SerDarts.Runtime;
using System.CommandLine;
using SerDarts.Corpora;
using Spectre.Console;

namespace SerDarts.Cli.Commands;

/// <summary>`serdarts corpus inspect`: scan a corpus with the library's loader and print its summary.</summary>
internal static class CorpusCommand
{
    private const int SkippedShown = 50;

    public static Command Create()
    {
        var corpus = new Command("corpus", "Inspect emotion corpora.");
        corpus.Subcommands.Add(Inspect());
        return corpus;
    }

    private static Command Inspect()
    {
        var dataset = new Option<string>("--dataset") { Description = "Corpus layout (default: iemocap with --root, else the sample corpus)." };
        dataset.AcceptOnlyFromAmong([CorpusSource.Sample, .. CorpusLoaders.Names]);
        var root = new Option<string>("--root") { Description = "Corpus root folder (a CSV file or its folder for manifest).", HelpName = "DIR" };
        var dialogs = new Option<DialogKind>("--dialogs") { Description = "IEMOCAP dialogs to keep: All, Improvised or Scripted.", DefaultValueFactory = _ => DialogKind.All };
        var json = new Option<bool>("--json") { Description = "Emit one JSON object instead of tables." };
        var command = new Command("inspect", "Utterances per class, speaker and session; dropped labels; skipped files. Without --dataset/--root: the embedded sample corpus.")
        {
            dataset, root, dialogs, json,
        };
        command.SetAction(result => Run(result.GetValue(dataset), result.GetValue(root), result.GetValue(dialogs), result.GetValue(json)));
        return command;
    }

    private static int Run(string? dataset, string? root, DialogKind dialogs, bool json)
    {
        return CliErrors.Run("corpus inspect", () =>
        {
            var source = CorpusSource.Resolve(dataset, root);
            var scan = Scan(CorpusLoaders.Open(source.Dataset), source.Root, new CorpusOptions { Dialogs = dialogs }, json);
            var summary = scan.Summarize();
            if (json)
                Console.WriteLine(summary.ToJson());
            else
                Print(source.Dataset, source.Root, scan, summary);
        });
    }

    private static CorpusScan Scan(ICorpusLoader loader, string root, CorpusOptions options, bool quiet)
    {
        if (quiet || !AnsiConsole.Profile.Capabilities.Interactive)
            return loader.Scan(root, options);
        return AnsiConsole.Status().Start($"Scanning {Markup.Escape(root)}", ctx =>
            loader.Scan(root, options, new SyncProgress<int>(n => ctx.Status($"Scanning {Markup.Escape(root)}: {n} files"))));
    }

    internal static void Print(string dataset, string root, CorpusScan scan, CorpusSummary s)
    {
        AnsiConsole.Write(new Rule($"[bold]{Markup.Escape(dataset)}[/] at {Markup.Escape(Path.GetFullPath(root))}").LeftJustified());
        var table = new Table().AddColumns("session", "speaker").AddColumns(EmotionClasses.FourClass.Select(c => new TableColumn(c).RightAligned()).ToArray())
            .AddColumn(new TableColumn("total").RightAligned()).AddColumn(new TableColumn("duration").RightAligned());
        foreach (var row in s.BySpeaker)
            table.AddRow([Markup.Escape(row.Session), Markup.Escape(row.Speaker), .. row.Classes.Select(n => n.ToString()), row.Total.ToString(), Duration(row.DurationSeconds)]);
        table.AddRow(["[bold]all[/]", $"[bold]{s.Speakers}[/]", .. s.Classes.Select(n => $"[bold]{n}[/]"), $"[bold]{s.Utterances}[/]", $"[bold]{Duration(s.DurationSeconds)}[/]"]);
        AnsiConsole.Write(table);
        var facts = new Grid().AddColumn().AddColumn();
        facts.AddRow("4-class utterances", $"{s.Utterances} from {s.Speakers} speakers in {s.Sessions} sessions, {Duration(s.DurationSeconds)}");
        facts.AddRow("dropped labels", s.DroppedLabels.Count == 0 ? "none" : Markup.Escape(string.Join(", ", s.DroppedLabels.Select(p => $"{p.Key} {p.Value}"))));
        facts.AddRow("skipped files", s.Skipped.Count.ToString());
        facts.AddRow("manifest hash", scan.Hash());
        AnsiConsole.Write(facts);
        PrintSkipped(root, s.Skipped);
    }

    private static void PrintSkipped(string root, IReadOnlyList<SkippedFile> skipped)
    {
        if (skipped.Count == 0)
            return;
        var table = new Table().AddColumn("skipped file").AddColumn("reason");
        foreach (var f in skipped.Take(SkippedShown))
            table.AddRow(Markup.Escape(Path.GetRelativePath(Path.GetFullPath(root), f.Path)), Markup.Escape(f.Reason));
        AnsiConsole.Write(table);
        if (skipped.Count > SkippedShown)
            AnsiConsole.MarkupLine($"... and {skipped.Count - SkippedShown} more (--json lists them all)");
    }

    private static string Duration(double seconds) =>
        TimeSpan.FromSeconds(Math.Round(seconds)) is var t && t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:D2}m{t.Seconds:D2}s" : $"{t.Minutes}m{t.Seconds:D2}s";
}
