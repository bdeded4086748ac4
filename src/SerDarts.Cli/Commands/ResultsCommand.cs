using System.CommandLine;

namespace SerDarts.Cli.Commands;

internal static class ResultsCommand
{
    public static Command Create() => NotYetAvailable.Create("results", "Print the aggregate results table.");
}
