using System.CommandLine;
using SerDarts.Search;
using SerDarts.Training;
using Spectre.Console;

namespace SerDarts.Cli.Commands;

/// <summary><c>serdarts search</c>: a DARTS search on one fold; parsing and printing only.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var data = DataOptions.Create();
        var preset = new Option<string>("--preset") { Description = "paper or small.", DefaultValueFactory = _ => "paper" };
        preset.AcceptOnlyFromAmong("paper", "small");
        var cells = new Option<int?>("--cells") { Description = "Cells in the supernet (paper: 4)." };
        var channels = new Option<int?>("--init-channels") { Description = "Initial channels C (paper: 8)." };
        var nodes = new Option<int?>("--nodes") { Description = "Intermediate nodes per cell (paper: 4)." };
        var epochs = new Option<int?>("--epochs") { Description = "Search epochs." };
        var batch = new Option<int?>("--batch") { Description = "Batch size of both halves." };
        var order = new Option<string?>("--order") { Description = "first or second order." };
        order.AcceptOnlyFromAmong("first", "second");
        var partial = new Option<int?>("--partial-channels") { Description = "PC-DARTS K (1: off)." };
        var maxSkips = new Option<int?>("--max-normal-skips") { Description = "Stop once the normal cell holds more skip connections (DARTS+)." };
        var lstmLayers = new Option<int?>("--lstm-layers") { Description = "LSTM layers of the fixed head (1..3)." };
        var recompute = new Option<bool>("--recompute", "--low-memory") { Description = "Low-memory search: gradient checkpointing per edge and a C heap that returns freed activations (slower)." };
        var weighted = new Option<bool>("--class-weighted") { Description = "Weight the loss by inverse class frequency." };
        var seed = new Option<long?>("--seed") { Description = "Run seed." };
        var device = new Option<string?>("--device") { Description = "auto, cpu, cuda or cuda:N." };
        var threads = new Option<int?>("--threads") { Description = "torch CPU threads." };
        var outDir = new Option<string?>("--out") { Description = "Run directory (default runs/search-<dataset>-fold<K>)." };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out from its last checkpoint." };
        var command = new Command("search", "Run a DARTS architecture search (CNN cells, fixed LSTM head) on one fold.")
        {
            preset, cells, channels, nodes, epochs, batch, order, partial, maxSkips, lstmLayers, recompute, weighted, seed, device,
            threads, outDir, resume,
        };
        data.AddTo(command);
        command.SetAction(r => CliErrors.Run("search", () =>
        {
            var config = SearchConfig.Preset(r.GetValue(preset)!);
            config = config with
            {
                Cells = r.GetValue(cells) ?? config.Cells,
                InitChannels = r.GetValue(channels) ?? config.InitChannels,
                Nodes = r.GetValue(nodes) ?? config.Nodes,
                Epochs = r.GetValue(epochs) ?? config.Epochs,
                BatchSize = r.GetValue(batch) ?? config.BatchSize,
                Order = r.GetValue(order) is string o ? (o == "second" ? SearchOrder.Second : SearchOrder.First) : config.Order,
                PartialChannels = r.GetValue(partial) ?? config.PartialChannels,
                MaxNormalSkips = r.GetValue(maxSkips) ?? config.MaxNormalSkips,
                Head = config.Head with { LstmLayers = r.GetValue(lstmLayers) ?? config.Head.LstmLayers },
                ClassWeightedLoss = r.GetValue(weighted) || config.ClassWeightedLoss,
                RecomputeEdges = r.GetValue(recompute) || config.RecomputeEdges,
                Seed = r.GetValue(seed) ?? config.Seed,
                Device = r.GetValue(device) ?? config.Device,
                Threads = r.GetValue(threads) ?? config.Threads,
            };
            config.Validate();
            string dir = r.GetValue(outDir) ?? Path.Combine("runs", $"search-{data.Label(r)}");
            var (request, fold) = data.Open(r, r.GetValue(preset)!, dir, r.GetValue(resume));
            var result = EpochBar.Run<SearchEpochRecord, SearchResult>($"search {request.Dataset} fold {request.Fold}", config.Epochs,
                e => (e.Epoch, $"search epoch {e.Epoch}: val UA {e.ValidationUnweightedAccuracy:P1}, {e.NormalSkipCount} skips"),
                progress => SearchRun.Execute(config, fold.Weights, fold.Architecture, fold.Validation, dir, r.GetValue(resume), progress));
            Print(result);
            return 0;
        }));
        return command;
    }

    private static void Print(SearchResult result)
    {
        AnsiConsole.MarkupLine($"[bold]genotype[/] {Markup.Escape(GenotypeFormat.ToReadableString(result.Genotype))}");
        if (result.StoppedEarly) AnsiConsole.MarkupLine("[yellow]stopped early by the skip-connection guard[/]");
        AnsiConsole.MarkupLine($"run directory: {Markup.Escape(result.RunDirectory)} (genotype.json, metrics.json, log.txt)");
    }
}
