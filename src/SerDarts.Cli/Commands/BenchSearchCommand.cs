using System.CommandLine;
using SerDarts.Experiments.Specs;
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
        var spec = new Option<FileInfo?>("--spec") { Description = "Benchmark the supernet of this experiment spec (network, search settings, input grid, execution.memory)." };
        var preset = new Option<string?>("--preset") { Description = "Benchmark the supernet of the spec resized by this preset (paper, small, smoke)." };
        preset.AcceptOnlyFromAmong([.. ExperimentPresets.Names]);
        var set = new Option<string[]>("--set") { Description = "Override a spec field, e.g. --set search.method=pc-darts or --set execution.memory=fast (repeatable)." };
        var command = new Command("search", "DARTS search step time and peak memory: architecture + weight update on random inputs. " +
            "With --spec, --preset or --set the supernet, optimisers and input size come from the resolved spec; otherwise from the flags.")
        {
            size, batch, channels, cells, nodes, order, steps, warmup, threads, partial, nchw, recompute, spec, preset, set,
        };
        command.SetAction(r => CliErrors.Run("bench search", () =>
        {
            var options = new SearchBenchOptions(r.GetValue(size), r.GetValue(batch), r.GetValue(channels),
                r.GetValue(cells), r.GetValue(nodes), r.GetValue(order) == "second" ? SearchOrder.Second : SearchOrder.First,
                r.GetValue(steps), r.GetValue(warmup), r.GetValue(threads), r.GetValue(partial),
                ChannelsLast: !r.GetValue(nchw), RecomputeEdges: r.GetValue(recompute));
            var progress = new SyncProgress<(int Step, double Milliseconds)>(p =>
                AnsiConsole.Console.MarkupLine($"[grey]step {p.Step}: {p.Milliseconds:F0} ms[/]"));
            SearchBenchResult result;
            if (r.GetValue(spec) is null && r.GetValue(preset) is null && (r.GetValue(set) ?? []).Length == 0)
                result = SearchBenchmark.Run(options, progress);
            else
            {
                var baseSpec = r.GetValue(spec) is { } file ? ExperimentSpec.Load(file.FullName) : new ExperimentSpec();
                var overrides = new SpecOverrides(Set: (r.GetValue(set) ?? []).Select(SpecOverrides.ParseAssignment).ToList());
                var resolved = SpecResolution.Resolve(baseSpec, r.GetValue(preset), overrides, "command line");
                var (rows, frames) = resolved.Features.GridSize();
                options = options with
                {
                    Size = rows, Frames = frames, Memory = resolved.Execution.MemoryMode, RecomputeEdges = false,
                    Threads = r.GetValue(threads) > 0 ? r.GetValue(threads) : resolved.Execution.Threads,
                };
                result = SearchBenchmark.Run(resolved.Network, resolved.Search, options, progress);
            }
            Console.WriteLine(result.ToLine());
            return CliErrors.Done;
        }));
        return command;
    }

    private static Option<int> Opt(string name, int value, string description) =>
        new(name) { Description = description, DefaultValueFactory = _ => value };
}
