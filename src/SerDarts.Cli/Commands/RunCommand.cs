using System.CommandLine;

namespace SerDarts.Cli.Commands;

internal static class RunCommand
{
    public static Command Create() => NotYetAvailable.Create("run", "Run an experiment spec.");
}
