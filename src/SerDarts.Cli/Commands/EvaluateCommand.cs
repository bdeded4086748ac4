using System.CommandLine;
using SerDarts.Training;
using Spectre.Console;

namespace SerDarts.Cli.Commands;

/// <summary><c>serdarts evaluate</c>: the best model of a training run on its test fold (or validation set).</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var run = new Option<string>("--run") { Description = "Training run directory.", Required = true };
        var split = new Option<string>("--split") { Description = "test or validation.", DefaultValueFactory = _ => "test" };
        split.AcceptOnlyFromAmong("test", "validation");
        var device = new Option<string?>("--device") { Description = "auto, cpu, cuda or cuda:N (default: the run's)." };
        var command = new Command("evaluate", "Evaluate a trained run's best model on its test fold.") { run, split, device };
        command.SetAction(r => CliErrors.Run("evaluate", () =>
        {
            string dir = r.GetValue(run)!;
            var fold = DatasetLoader.Load(DatasetLoader.Read(dir));
            var data = r.GetValue(split) == "validation" ? fold.Validation : fold.Test;
            var report = TrainRun.Evaluate(dir, data, r.GetValue(device));
            ReportTable.Print(report, $"{dir}: {r.GetValue(split)} set");
            return 0;
        }));
        return command;
    }
}
