using System.CommandLine;
using SerDarts.Models;
using SerDarts.Search;
using SerDarts.Training;
using Spectre.Console;

namespace SerDarts.Cli.Commands;

/// <summary><c>serdarts train</c>: train the derived network of a genotype, or a baseline, on one fold.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var data = DataOptions.Create();
        var genotype = new Option<string?>("--genotype") { Description = "genotype.json of a search (trains the derived CNN-LSTM)." };
        var model = new Option<string?>("--model") { Description = "Baseline instead of a genotype: cnn or cnn-lstm." };
        model.AcceptOnlyFromAmong("cnn", "cnn-lstm");
        var preset = new Option<string>("--preset") { Description = "paper or small.", DefaultValueFactory = _ => "paper" };
        preset.AcceptOnlyFromAmong("paper", "small");
        var lstmLayers = new Option<int>("--lstm-layers") { Description = "LSTM layers (1..3).", DefaultValueFactory = _ => 1 };
        var attention = new Option<bool>("--attention") { Description = "Attention pooling over the LSTM outputs." };
        var epochs = new Option<int?>("--epochs") { Description = "Training epochs (paper: 300)." };
        var batch = new Option<int?>("--batch") { Description = "Batch size." };
        var lr = new Option<double?>("--lr") { Description = "Initial SGD learning rate (cosine-annealed)." };
        var channels = new Option<int?>("--init-channels") { Description = "Initial channels C of the derived network." };
        var cells = new Option<int?>("--cells") { Description = "Cells of the derived network." };
        var aux = new Option<bool>("--auxiliary") { Description = "Auxiliary head at 2/3 depth." };
        var dropPath = new Option<double?>("--drop-path") { Description = "Final drop-path probability." };
        var weighted = new Option<bool>("--class-weighted") { Description = "Weight the loss by inverse class frequency." };
        var seed = new Option<long?>("--seed") { Description = "Run seed." };
        var device = new Option<string?>("--device") { Description = "auto, cpu, cuda or cuda:N." };
        var threads = new Option<int?>("--threads") { Description = "torch CPU threads." };
        var outDir = new Option<string?>("--out") { Description = "Run directory (default runs/train-<model>-<dataset>-fold<K>)." };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out from its last checkpoint." };
        var command = new Command("train", "Train a derived (genotype) or baseline CNN-LSTM model and evaluate it on the test fold.")
        {
            genotype, model, preset, lstmLayers, attention, epochs, batch, lr, channels, cells, aux, dropPath, weighted,
            seed, device, threads, outDir, resume,
        };
        data.AddTo(command);
        command.SetAction(r => CliErrors.Run("train", () =>
        {
            var spec = Spec(r.GetValue(genotype), r.GetValue(model), r.GetValue(lstmLayers), r.GetValue(attention));
            var config = TrainConfig.Preset(r.GetValue(preset)!);
            config = config with
            {
                Epochs = r.GetValue(epochs) ?? config.Epochs,
                BatchSize = r.GetValue(batch) ?? config.BatchSize,
                Lr = r.GetValue(lr) ?? config.Lr,
                InitChannels = r.GetValue(channels) ?? config.InitChannels,
                Cells = r.GetValue(cells) ?? config.Cells,
                AuxiliaryHead = r.GetValue(aux) || config.AuxiliaryHead,
                DropPath = r.GetValue(dropPath) ?? config.DropPath,
                ClassWeightedLoss = r.GetValue(weighted) || config.ClassWeightedLoss,
                Seed = r.GetValue(seed) ?? config.Seed,
                Device = r.GetValue(device) ?? config.Device,
                Threads = r.GetValue(threads) ?? config.Threads,
            };
            config.Validate();
            string dir = r.GetValue(outDir) ?? Path.Combine("runs", $"train-{spec.Name}-{data.Label(r)}");
            var (_, fold) = data.Open(r, r.GetValue(preset)!, dir, r.GetValue(resume));
            var result = EpochBar.Run<EpochRecord, TrainResult>($"train {spec.Name}", config.Epochs,
                e => (e.Epoch, $"{spec.Name} epoch {e.Epoch}: loss {e.TrainLoss:F3}, val UA {e.ValidationUnweightedAccuracy:P1}"),
                progress => TrainRun.Execute(config, spec, fold.Train, fold.Validation, fold.Test, dir, r.GetValue(resume), progress));
            ReportTable.Print(result.Test!, $"{spec.Name}: test fold (best epoch {result.BestEpoch}, {result.Parameters:N0} parameters)");
            AnsiConsole.MarkupLine($"run directory: {Markup.Escape(result.RunDirectory)}");
            return 0;
        }));
        return command;
    }

    private static ModelSpec Spec(string? genotypePath, string? model, int lstmLayers, bool attention)
    {
        if ((genotypePath is null) == (model is null))
            throw new ArgumentException("give exactly one of --genotype DIR/genotype.json or --model cnn|cnn-lstm");
        return genotypePath is not null
            ? new ModelSpec(ModelKind.Darts, GenotypeFormat.Load(genotypePath), lstmLayers, attention)
            : new ModelSpec(ModelSpec.ParseKind(model!), null, lstmLayers, attention);
    }
}
