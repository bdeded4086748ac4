using SerDarts.Cli;
using Spectre.Console;

// Spectre assumes 80 columns when output goes to a file or pipe, which folds every results table.
if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 160);
return CliApp.Build().Parse(args).Invoke();
