using System.CommandLine;

namespace SerDarts.Cli.Commands;

internal static class FeaturesCommand
{
    public static Command Create() => NotYetAvailable.Create("features", "Extract and dump audio features.");
}
