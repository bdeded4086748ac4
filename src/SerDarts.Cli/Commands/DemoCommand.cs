using System.CommandLine;

namespace SerDarts.Cli.Commands;

internal static class DemoCommand
{
    public static Command Create() => NotYetAvailable.Create("demo", "Run the main job end to end on the embedded sample corpus.");
}
