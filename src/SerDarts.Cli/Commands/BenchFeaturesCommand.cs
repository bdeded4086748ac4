using System.CommandLine;

namespace SerDarts.Cli.Commands;

internal static class BenchFeaturesCommand
{
    public static Command Create() => NotYetAvailable.Create("features", "Feature extraction throughput.");
}
