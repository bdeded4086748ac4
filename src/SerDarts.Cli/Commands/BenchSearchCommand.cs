using System.CommandLine;

namespace SerDarts.Cli.Commands;

internal static class BenchSearchCommand
{
    public static Command Create() => NotYetAvailable.Create("search", "DARTS search step time.");
}
