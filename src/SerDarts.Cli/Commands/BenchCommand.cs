using System.CommandLine;

namespace SerDarts.Cli.Commands;

internal static class BenchCommand
{
    public static Command Create() => NotYetAvailable.Create("bench", "Benchmarks (features, search).");
}
