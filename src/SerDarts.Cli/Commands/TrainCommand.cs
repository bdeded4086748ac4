using System.CommandLine;

namespace SerDarts.Cli.Commands;

internal static class TrainCommand
{
    public static Command Create() => NotYetAvailable.Create("train", "Train a derived or baseline model.");
}
