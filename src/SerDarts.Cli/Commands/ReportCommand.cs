using System.CommandLine;

namespace SerDarts.Cli.Commands;

internal static class ReportCommand
{
    public static Command Create() => NotYetAvailable.Create("report", "Write the HTML report.");
}
