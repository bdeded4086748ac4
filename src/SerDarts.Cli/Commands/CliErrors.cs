using Spectre.Console;

namespace SerDarts.Cli.Commands;

/// <summary>Turns the library's clear errors (bad options, bad files, missing pieces) into one red line and
/// exit code 1 instead of a stack trace.</summary>
internal static class CliErrors
{
    public static int Run(string verb, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or InvalidOperationException
                                      or FileNotFoundException or DirectoryNotFoundException or NotImplementedException)
        {
            AnsiConsole.MarkupLine($"[red]serdarts {verb}: {Markup.Escape(e.Message)}[/]");
            return 1;
        }
    }
}
