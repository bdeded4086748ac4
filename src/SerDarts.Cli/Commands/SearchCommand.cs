using System.CommandLine;
using SerDarts.Experiments.Execution;
using SerDarts.Experiments.Specs;
using SerDarts.Features;
using SerDarts.Networks;
using SerDarts.Runs;
using SerDarts.Runtime;
using SerDarts.Search;
using Spectre.Console;

namespace SerDarts.Cli.Commands;

/// <summary><c>serdarts search</c>: the search stage of one trial (<see cref="TrialStages.Search"/>); parsing and printing only.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var stage = new StageOptions(
            ("--epochs", "search.epochs", "Search epochs."),
            ("--batch", "search.batchSize", "Batch size of both halves."),
            ("--order", "search.order", "first or second order."),
            ("--arch-lr", "search.archLearningRate", "Adam learning rate of the architecture weights."),
            ("--warmup", "search.warmupEpochs", "Epochs that train only the weights."),
            ("--partial-channels", "search.partialChannels", "PC-DARTS K (1: off)."),
            ("--max-normal-skips", "search.maxNormalSkips", "Stop once the normal cell holds more skip connections (DARTS+)."),
            ("--cells", "network.cells", "Cells of the supernet."),
            ("--init-channels", "network.initChannels", "Initial channels C."),
            ("--nodes", "network.nodes", "Intermediate nodes per cell."),
            ("--lstm-layers", "network.head.lstmLayers", "LSTM layers of the fixed head (1..3)."),
            ("--class-weighted", "search.classWeightedLoss", "true or false: weight the loss by inverse class frequency."));
        var lowMemory = new Option<bool>("--low-memory", "--recompute") { Description = "Per-edge recomputation and a C heap that returns freed activations: far less memory, about 3x slower." };
        var outDir = new Option<string?>("--out") { Description = "Run directory (default runs/search-<corpus>-fold<F>-seed<S>)." };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out from its last checkpoint (its trial.json wins)." };
        var command = new Command("search", "The search stage of a trial: DARTS on the bilevel halves of one fold's training speakers.") { lowMemory, outDir, resume };
        stage.AddTo(command);
        command.SetAction(r => CliErrors.Run("search", () =>
        {
            var trial = Resolve(stage, r, r.GetValue(outDir), r.GetValue(resume), r.GetValue(lowMemory));
            if (stage.PrintOnly(r)) { r.InvocationConfiguration.Output.Write(TrialFile.ToJson(trial)); return CliErrors.Done; }
            string dir = r.GetValue(outDir) ?? StageOptions.DefaultDirectory("search", trial);
            ProcessSetup.Apply(trial.Spec.Execution);
            using var signals = new TerminationSignals("search");
            var control = new RunControl(Cancellation: signals.Token);
            using var data = TrialStages.Data(trial, FeatureCache.Default());
            TrialFile.Save(dir, trial);
            var result = EpochBar.Run<SearchEpochRecord, SearchResult>($"search {trial.Spec.Corpus.Name} fold {trial.Fold}", trial.Spec.Search.Epochs,
                e => (e.Epoch, $"search epoch {e.Epoch}: val UA {e.ValidationUnweightedAccuracy:P1}, entropy {e.NormalEntropy:F3}, {e.NormalSkipCount} skips"),
                progress => TrialStages.Search(trial, data, dir, r.GetValue(resume), progress, control));
            if (!result.Completed) return Interrupted("search", dir, signals);
            Print(result);
            return CliErrors.Done;
        }));
        return command;
    }

    /// <summary>The trial from the options, or the stored trial of a run being resumed.</summary>
    internal static TrialSpec Resolve(StageOptions stage, ParseResult r, string? outDir, bool resume, bool lowMemory = false, string? networkKind = null)
    {
        if (resume && outDir is not null && File.Exists(TrialFile.PathIn(outDir))) return TrialFile.Load(outDir);
        var trial = stage.Trial(r, networkKind);
        return lowMemory ? trial with { Spec = trial.Spec with { Execution = trial.Spec.Execution with { LowMemory = true } } } : trial;
    }

    /// <summary>A stage stopped by a signal: its last epoch is checkpointed; say how to go on.</summary>
    internal static int Interrupted(string verb, string dir, TerminationSignals signals)
    {
        Console.Error.WriteLine($"serdarts {verb}: interrupted; finished epochs are checkpointed: continue with --resume --out {dir}");
        return signals.ExitCode;
    }

    private static void Print(SearchResult result)
    {
        AnsiConsole.MarkupLine($"[bold]genotype[/] {Markup.Escape(result.Genotype.ToString())}");
        if (result.History.Count > 0)
        {
            var last = result.History[^1];
            AnsiConsole.MarkupLine($"supernet validation UA {last.ValidationUnweightedAccuracy:P1}; mean normalised entropy normal {last.NormalEntropy:F3}, " +
                                   $"reduce {last.ReduceEntropy:F3} (1 = uniform)");
        }
        if (result.Repeats is { } repeats)
        {
            foreach (var run in repeats.Runs)
                AnsiConsole.MarkupLine($"repeat {run.Index} (seed {run.Seed}): supernet validation UA {run.SupernetValidationUnweightedAccuracy:P1}, " +
                                       $"briefly trained validation UA {run.TrainedValidationUnweightedAccuracy:P1}{(run.Index == repeats.Chosen ? " [bold](kept)[/]" : "")}");
            AnsiConsole.MarkupLine($"genotype stability over {repeats.Runs.Count} repeats (mean pairwise Jaccard of derived edges): " +
                                   $"normal {repeats.NormalStability:F3}, reduce {repeats.ReduceStability:F3} (1 = identical)");
        }
        foreach (var warning in result.Warnings) AnsiConsole.MarkupLine($"[yellow]warning: {Markup.Escape(warning)}[/]");
        if (result.StoppedEarly) AnsiConsole.MarkupLine("[yellow]stopped early by the skip-connection guard[/]");
        AnsiConsole.MarkupLine($"run directory: {Markup.Escape(result.RunDirectory)} " +
                               (result.Repeats is null ? "(genotype.json, metrics.json, log.txt)" : "(genotype.json and metrics.json of the kept repeat; repeat-N/search and repeat-N/training)"));
    }
}
