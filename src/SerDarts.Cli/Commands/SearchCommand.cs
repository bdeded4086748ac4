using System.CommandLine;

namespace SerDarts.Cli.Commands;

internal static class SearchCommand
{
    public static Command Create() => NotYetAvailable.Create("search", "Run a DARTS architecture search.");
}
