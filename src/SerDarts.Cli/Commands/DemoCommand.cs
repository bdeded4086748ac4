using System.CommandLine;
using SerDarts.Corpora;
using SerDarts.Experiments.Execution;
using SerDarts.Experiments.Store;
using SerDarts.Experiments.Suites;
using SerDarts.Reporting;
using SerDarts.Runs;
using SerDarts.Runtime;
using Spectre.Console;

namespace SerDarts.Cli.Commands;

/// <summary>
/// <c>serdarts demo</c>: the main job end to end on the embedded sample corpus (small preset): inspect the corpus,
/// extract features, search, train the derived model and the two baselines on one fold, print the table, write the report.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var runs = new Option<DirectoryInfo>("--runs") { Description = "Runs folder of the demo.", DefaultValueFactory = _ => new DirectoryInfo(DemoPlan.DefaultRunsFolder) };
        var fresh = new Option<bool>("--fresh") { Description = "Delete earlier demo results first (otherwise finished trials are reused)." };
        var device = new Option<string?>("--device") { Description = "auto, cpu, cuda or cuda:N." };
        var command = new Command("demo", "The main job on the embedded sample corpus: DARTS CNN-LSTM versus a random cell and the CNN and CNN-LSTM baselines.")
            { runs, fresh, device };
        command.SetAction(result => CliErrors.Run("demo", () =>
        {
            using var signals = new TerminationSignals("demo");
            var folder = result.GetValue(runs)!.FullName;
            if (result.GetValue(fresh) && Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            var source = CorpusSource.Resolve(CorpusSource.Sample, null);
            var scan = source.Scan();
            CorpusCommand.Print("sample (synthetic, for demos only)", source.Root, scan, scan.Summarize());

            var variants = DemoPlan.Variants(result.GetValue(device));
            ProcessSetup.Apply(variants[0].Spec.Execution);
            var label = DemoPlan.Label();
            var store = ResultsStore.DefaultPath(folder);
            int status = RunnerCli.Run(label, (runner, progress) => runner.RunSuite(label, variants, progress, signals.Token),
                new RunnerOptions { RunsFolder = folder }, store);

            using var results = ResultsStore.OpenExisting(store);
            foreach (var table in ResultsListing.Tables(results, label, ResultsListing.Summary, raw: false)) ResultsCommand.Print("table", table, Console.Out);
            var report = new ReportBuilder(results).Write(Path.Combine(folder, "report.html"), new ReportOptions(label, "SerDarts demo (synthetic sample corpus)"));
            AnsiConsole.MarkupLine($"report: [link]{Markup.Escape(report)}[/]");
            return status;
        }));
        return command;
    }
}
