using System.CommandLine;
using SerDarts.Experiments.Execution;
using SerDarts.Features;
using SerDarts.Training;

namespace SerDarts.Cli.Commands;

/// <summary><c>serdarts evaluate</c>: the best model of a training run on its fold's test (or validation) speakers.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var run = new Option<string>("--run") { Description = "Training run directory (serdarts train's --out, or a trial's train/ folder).", Required = true };
        var split = new Option<string>("--split") { Description = "test or validation.", DefaultValueFactory = _ => "test" };
        split.AcceptOnlyFromAmong("test", "validation");
        var device = new Option<string?>("--device") { Description = "auto, cpu, cuda or cuda:N." };
        var command = new Command("evaluate", "Evaluate a trained run's best model on its fold's test speakers.") { run, split, device };
        command.SetAction(r => CliErrors.Run("evaluate", () =>
        {
            string dir = r.GetValue(run)!;
            if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"run directory '{dir}' does not exist");
            var trial = TrialFile.Load(dir);
            using var data = TrialStages.Data(trial, FeatureCache.Default());
            var set = r.GetValue(split) == "validation" ? data.Validation : data.Test;
            var result = TrainRun.Evaluate(dir, set, r.GetValue(device));
            ReportTable.Print(result.Report, $"{dir}: {r.GetValue(split)} speakers of fold {trial.Fold}");
            return CliErrors.Done;
        }));
        return command;
    }
}
