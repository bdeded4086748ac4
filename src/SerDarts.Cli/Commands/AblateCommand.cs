using System.CommandLine;

namespace SerDarts.Cli.Commands;

internal static class AblateCommand
{
    public static Command Create() => NotYetAvailable.Create("ablate", "Run an ablation suite.");
}
