using System.CommandLine;

namespace SerDarts.Cli.Commands;

/// <summary>Placeholder action for verbs whose issue has not landed yet.</summary>
internal static class NotYetAvailable
{
    public static Command Create(string name, string description)
    {
        var command = new Command(name, description + " (not yet available)");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(_ =>
        {
            Console.Error.WriteLine($"serdarts {name}: not yet available in this version.");
            return 2;
        });
        return command;
    }
}
