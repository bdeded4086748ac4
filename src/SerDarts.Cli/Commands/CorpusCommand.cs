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
        var deep = new Option<bool>("--deep") { Description = "Decode every file: list unusable ones (NaN/Inf, no samples) as skipped, flag digital silence, clipping and duration outliers." };
        var command = new Command("inspect", "Utterances per class, speaker and session; dropped labels; skipped files. Without --dataset/--root: the embedded sample corpus.")
        {
            dataset, root, dialogs, json, deep,
        };
        command.SetAction(result => Run(result.GetValue(dataset), result.GetValue(root), result.GetValue(dialogs), result.GetValue(json), result.GetValue(deep)));
        return command;
    }

    private static int Run(string? dataset, string? root, DialogKind dialogs, bool json, bool deep)
    {
        return CliErrors.Run("corpus inspect", () =>
        {
            var source = CorpusSource.Resolve(dataset, root);
            var scan = Scan(CorpusLoaders.Open(source.Dataset), source.Root, new CorpusOptions { Dialogs = dialogs }, json);
            var audit = deep ? Audit(scan, source.Root, json) : null;
            var summary = (audit?.Scan ?? scan).Summarize(); // the manifest hash stays the scan's, as runs record it
            if (json)
                Console.WriteLine(audit?.ToJson() ?? summary.ToJson());
            else
                Print(source.Dataset, source.Root, scan, summary);
            if (audit is not null && !json)
                PrintAudit(source.Root, audit);
        });
    }

    private static CorpusScan Scan(ICorpusLoader loader, string root, CorpusOptions options, bool quiet)
    {
        if (quiet || !AnsiConsole.Profile.Capabilities.Interactive)
            return loader.Scan(root, options);
        return AnsiConsole.Status().Start($"Scanning {Markup.Escape(root)}", ctx =>
            loader.Scan(root, options, new SyncProgress<int>(n => ctx.Status($"Scanning {Markup.Escape(root)}: {n} files"))));
    }

    private static CorpusAudit Audit(CorpusScan scan, string root, bool quiet)
    {
        if (quiet || !AnsiConsole.Profile.Capabilities.Interactive)
            return CorpusAudit.Run(scan);
        return AnsiConsole.Status().Start($"Decoding {Markup.Escape(root)}", ctx =>
            CorpusAudit.Run(scan, new SyncProgress<int>(n => ctx.Status($"Decoding {Markup.Escape(root)}: {n} of {scan.Utterances.Count} files"))));
    }

    private static void PrintAudit(string root, CorpusAudit audit)
    {
        AnsiConsole.MarkupLine($"deep check: {audit.Decoded} files decoded, {audit.Unusable.Count} unusable (listed as skipped), {audit.Flags.Count} flagged");
        PrintLimited(["flagged file", "kind", "detail"], audit.Flags, f =>
            [Relative(root, f.Path), f.Kind.ToString().ToLowerInvariant(), f.Detail]);
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

    private static void PrintSkipped(string root, IReadOnlyList<SkippedFile> skipped) =>
        PrintLimited(["skipped file", "reason"], skipped, f => [Relative(root, f.Path), f.Reason]);

    /// <summary>A table of the first rows (plain text, escaped here); the rest are counted.</summary>
    private static void PrintLimited<T>(string[] columns, IReadOnlyList<T> rows, Func<T, string[]> cells)
    {
        if (rows.Count == 0)
            return;
        var table = new Table().AddColumns(columns);
        foreach (var row in rows.Take(SkippedShown))
            table.AddRow(cells(row).Select(Markup.Escape).ToArray());
        AnsiConsole.Write(table);
        if (rows.Count > SkippedShown)
            AnsiConsole.MarkupLine($"... and {rows.Count - SkippedShown} more (--json lists them all)");
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(Path.GetFullPath(root), path);

    private static string Duration(double seconds) =>
        TimeSpan.FromSeconds(Math.Round(seconds)) is var t && t.TotalHours >= 1 ? $"{(int)t.TotalHours}h{t.Minutes:D2}m{t.Seconds:D2}s" : $"{t.Minutes}m{t.Seconds:D2}s";
}
