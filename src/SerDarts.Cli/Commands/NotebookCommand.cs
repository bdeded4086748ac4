using System.CommandLine;

namespace SerDarts.Cli.Commands;

internal static class NotebookCommand
{
    public static Command Create() => NotYetAvailable.Create("notebook", "Run notebooks headlessly.");
}
