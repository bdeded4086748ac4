using System.CommandLine;
using SerDarts.Runtime;
using SerDarts.Search;
using Spectre.Console;

namespace SerDarts.Cli.Commands;

/// <summary><c>serdarts bench search</c>: median time of a full DARTS search step on random inputs.</summary>
internal static class BenchSearchCommand
{
    public static Command Create()
    {
        var size = Opt("--size", 64, "Input height and width.");
        var batch = Opt("--batch", 16, "Batch size (both halves).");
        var channels = Opt("--init-channels", 8, "Initial channels C.");
        var cells = Opt("--cells", 4, "Cells in the supernet.");
        var nodes = Opt("--nodes", 4, "Intermediate nodes per cell.");
        var order = new Option<string>("--order") { Description = "first or second.", DefaultValueFactory = _ => "first" };
        order.AcceptOnlyFromAmong("first", "second");
        var steps = Opt("--steps", 5, "Timed steps after the warm-up.");
        var warmup = Opt("--warmup", 1, "Untimed warm-up steps.");
        var threads = Opt("--threads", 0, "torch threads (0: TorchSharp's default).");
        var partial = Opt("--partial-channels", 1, "PC-DARTS K (1: off).");
        var nchw = new Option<bool>("--nchw") { Description = "Keep NCHW strides (default: channels-last, faster on CPU)." };
        var recompute = new Option<bool>("--recompute", "--low-memory") { Description = "Low-memory search: gradient checkpointing per edge and a C heap that returns freed activations (slower)." };
        var command = new Command("search", "DARTS search step time: architecture + weight update on random inputs.")
        {
            size, batch, channels, cells, nodes, order, steps, warmup, threads, partial, nchw, recompute,
        };
        command.SetAction(r =>
        {
            var options = new SearchBenchOptions(r.GetValue(size), r.GetValue(batch), r.GetValue(channels),
                r.GetValue(cells), r.GetValue(nodes), r.GetValue(order) == "second" ? SearchOrder.Second : SearchOrder.First,
                r.GetValue(steps), r.GetValue(warmup), r.GetValue(threads), r.GetValue(partial),
                ChannelsLast: !r.GetValue(nchw), RecomputeEdges: r.GetValue(recompute));
            var result = SearchBenchmark.Run(options, new SyncProgress<(int Step, double Milliseconds)>(p =>
                AnsiConsole.Console.MarkupLine($"[grey]step {p.Step}: {p.Milliseconds:F0} ms[/]")));
            Console.WriteLine(result.ToLine());
            return 0;
        });
        return command;
    }

    private static Option<int> Opt(string name, int value, string description) =>
        new(name) { Description = description, DefaultValueFactory = _ => value };
}
