using System.CommandLine;
using SerDarts.Cli.Commands;

namespace SerDarts.Cli;

/// <summary>The `serdarts` command tree: parsing and printing only; every piece of logic lives in the SerDarts library.</summary>
public static class CliApp
{
    public static RootCommand Build()
    {
        var root = new RootCommand("SerDarts: differentiable architecture search for speech emotion recognition.");
        foreach (var command in new[]
                 {
                     DemoCommand.Create(), DoctorCommand.Create(), CorpusCommand.Create(), FeaturesCommand.Create(),
                     SearchCommand.Create(), TrainCommand.Create(), EvaluateCommand.Create(), PredictCommand.Create(), ExportCommand.Create(), BenchCommand.Create(),
                     RunCommand.Create(), AblateCommand.Create(), WorkerCommand.Create(), ResultsCommand.Create(), ReportCommand.Create(),
                     NotebookCommand.Create(),
                 })
            root.Subcommands.Add(command);
        return root;
    }
}
