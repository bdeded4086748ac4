using System.CommandLine;
using SerDarts.Cli.Commands;
using Spectre.Console;

// The `serdarts` command: parsing and printing only; every piece of logic lives in the SerDarts library.
// Spectre assumes 80 columns when output goes to a file or pipe, which folds every results table.
if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 160);
var root = new RootCommand("SerDarts: differentiable architecture search for speech emotion recognition.");
foreach (var command in new[]
         {
             DemoCommand.Create(), DoctorCommand.Create(), CorpusCommand.Create(), FeaturesCommand.Create(),
             SearchCommand.Create(), TrainCommand.Create(), EvaluateCommand.Create(), BenchCommand.Create(),
             RunCommand.Create(), AblateCommand.Create(), WorkerCommand.Create(), ResultsCommand.Create(), ReportCommand.Create(),
             NotebookCommand.Create(),
         })
    root.Subcommands.Add(command);
return root.Parse(args).Invoke();
