using System.CommandLine;

namespace SerDarts.Cli.Commands;

internal static class CorpusCommand
{
    public static Command Create() => NotYetAvailable.Create("corpus", "Inspect emotion corpora.");
}
