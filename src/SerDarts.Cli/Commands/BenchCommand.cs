using System.CommandLine;

namespace SerDarts.Cli.Commands;

internal static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Benchmarks: throughput figures to compare with a peer measured in the same run.");
        bench.Subcommands.Add(BenchFeaturesCommand.Create());
        bench.Subcommands.Add(BenchSearchCommand.Create());
        return bench;
    }
}
