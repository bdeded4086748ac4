using System.CommandLine;
using SerDarts.Experiments.Execution;
using SerDarts.Experiments.Specs;
using SerDarts.Features;
using SerDarts.Networks;
using SerDarts.Runs;
using SerDarts.Runtime;
using SerDarts.Training;
using Spectre.Console;

namespace SerDarts.Cli.Commands;

/// <summary><c>serdarts train</c>: the training stage of one trial (<see cref="TrialStages.Train"/>): a searched
/// genotype, the random-cell control or a baseline, evaluated on the fold's test speakers.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var stage = new StageOptions(
            ("--epochs", "training.epochs", "Training epochs (paper: 300)."),
            ("--batch", "training.batchSize", "Batch size."),
            ("--lr", "training.learningRate", "Initial SGD learning rate (cosine-annealed)."),
            ("--drop-path", "training.dropPath", "Final drop-path probability."),
            ("--class-weighted", "training.classWeightedLoss", "true or false: weight the loss by inverse class frequency."),
            ("--cells", "network.cells", "Cells of the derived network."),
            ("--init-channels", "network.initChannels", "Initial channels C."),
            ("--lstm-layers", "network.head.lstmLayers", "LSTM layers (1..3)."),
            ("--pooling", "network.head.pooling", "last, mean or attention over the valid LSTM steps."),
            ("--auxiliary", "network.auxiliary", "true or false: auxiliary head at 2/3 depth."));
        var genotype = new Option<string?>("--genotype") { Description = "genotype.json of a search (trains the derived CNN-LSTM)." };
        var model = new Option<string?>("--model") { Description = "Instead of a genotype: random (the control), cnn, cnn-lstm or linear (logistic regression on utterance functionals)." };
        model.AcceptOnlyFromAmong(NetworkKinds.Random, NetworkKinds.Cnn, NetworkKinds.CnnLstm, NetworkKinds.Linear);
        var outDir = new Option<string?>("--out") { Description = "Run directory (default runs/train-<corpus>-fold<F>-seed<S>)." };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out from its last checkpoint (its trial.json wins)." };
        var command = new Command("train", "The training stage of a trial: train a searched genotype, the random control or a baseline and evaluate it.")
            { genotype, model, outDir, resume };
        stage.AddTo(command);
        command.SetAction(r => CliErrors.Run("train", () =>
        {
            var (genotypePath, kind) = (r.GetValue(genotype), r.GetValue(model));
            if ((genotypePath is null) == (kind is null))
                throw new ArgumentException("give exactly one of --genotype DIR/genotype.json or --model random|cnn|cnn-lstm|linear");
            var trial = SearchCommand.Resolve(stage, r, r.GetValue(outDir), r.GetValue(resume), networkKind: kind ?? NetworkKinds.Darts);
            if (stage.PrintOnly(r)) { r.InvocationConfiguration.Output.Write(TrialFile.ToJson(trial)); return CliErrors.Done; }
            var cells = TrialStages.Architecture(trial, genotypePath is null ? null : GenotypeFormat.Load(genotypePath));
            string dir = r.GetValue(outDir) ?? StageOptions.DefaultDirectory("train", trial);
            ProcessSetup.Apply(trial.Spec.Execution);
            using var signals = new TerminationSignals("train");
            var control = new RunControl(Cancellation: signals.Token);
            using var data = TrialStages.Data(trial, FeatureCache.Default());
            TrialFile.Save(dir, trial);
            string name = NetworkKinds.DisplayName(trial.Spec.Network.Kind);
            bool linear = trial.Spec.Network.Kind == NetworkKinds.Linear;
            if (trial.Spec.Network.Kind == NetworkKinds.Random)
                return TrainRandom(trial, data, dir, r.GetValue(resume), control, signals);
            var result = EpochBar.Run<EpochRecord, TrainResult>($"train {name}", TrainRun.Epochs(trial.Spec.Network, trial.Spec.Training),
                e => (e.Epoch, $"{name} {(linear ? $"L2 {e.LearningRate:G3}" : $"epoch {e.Epoch}")}: loss {e.TrainLoss:F3}, val UA {e.ValidationUnweightedAccuracy:P1}"),
                progress => TrialStages.Train(trial, data, cells, dir, r.GetValue(resume), progress, control));
            if (!result.Completed) return SearchCommand.Interrupted("train", dir, signals);
            string chosen = linear ? $"L2 {trial.Spec.Network.Linear.L2Grid[result.BestEpoch - 1]:G3} chosen on the validation speakers"
                : $"best validation epoch {result.BestEpoch}";
            ReportTable.Print(result.Test!, $"{name}: test speakers of fold {trial.Fold} ({chosen}, {result.Parameters:N0} parameters)");
            AnsiConsole.MarkupLine($"run directory: {Markup.Escape(result.RunDirectory)}");
            return CliErrors.Done;
        }));
        return command;
    }

    /// <summary>The random control's draws (<see cref="TrialStages.TrainRandom"/>), each with its cell and parameter count.</summary>
    private static int TrainRandom(TrialSpec trial, FoldData data, string dir, bool resume, RunControl control, TerminationSignals signals)
    {
        var settings = trial.Spec.Network.Random;
        string name = NetworkKinds.DisplayName(NetworkKinds.Random);
        int done = 0; // epochs over all draws (each draw counts its own from 1)
        var random = EpochBar.Run<EpochRecord, RandomTraining>($"train {name} ({settings.Draws} draw(s))",
            TrainRun.Epochs(trial.Spec.Network, trial.Spec.Training) * settings.Draws,
            e => (++done, $"{name} epoch {e.Epoch}: loss {e.TrainLoss:F3}, val UA {e.ValidationUnweightedAccuracy:P1}"),
            progress => TrialStages.TrainRandom(trial, data, dir, Path.Combine(dir, "reference-search"), resume, progress, control));
        if (!random.Completed) return SearchCommand.Interrupted("train", dir, signals);
        foreach (var (draw, result) in random.Draws.Zip(random.Results))
            AnsiConsole.MarkupLine(Markup.Escape(
                $"draw {draw.Draw}: seed {draw.Seed}, {draw.Parameters:N0} parameters" +
                (draw.Reference is { } reference ? $" (reference {reference:N0}, {draw.Tries} cell(s) tried)" : "") +
                $", test UA {result.Test!.UnweightedAccuracy:P1}, {draw.Genotype}"));
        ReportTable.Print(random.Test, $"{name}: test speakers of fold {trial.Fold} (pooled over {random.Draws.Count} draw(s), " +
                                       $"mean {random.Parameters:N0} parameters)");
        AnsiConsole.MarkupLine($"run directory: {Markup.Escape(dir)}");
        return CliErrors.Done;
    }
}
