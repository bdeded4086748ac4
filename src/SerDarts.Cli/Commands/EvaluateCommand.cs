using System.CommandLine;

namespace SerDarts.Cli.Commands;

internal static class EvaluateCommand
{
    public static Command Create() => NotYetAvailable.Create("evaluate", "Evaluate a trained run on its test fold.");
}
