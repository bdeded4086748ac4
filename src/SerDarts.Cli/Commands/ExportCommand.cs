using System.CommandLine;
using SerDarts.Experiments.Prediction;

namespace SerDarts.Cli.Commands;

/// <summary><c>serdarts export</c>: a trained run's best model as a PyTorch state dict with a JSON description (<see cref="ModelExport"/>).</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var run = new Option<string>("--run") { Description = "Training run directory (serdarts train's --out, or a trial folder holding train/).", Required = true };
        var format = new Option<string>("--format") { Description = "pytorch: a state dict torch.load reads.", DefaultValueFactory = _ => ModelExport.PyTorch };
        var outFile = new Option<string?>("--out") { Description = "The state dict (default RUN/model.pt); the description goes beside it as .json." };
        var command = new Command("export", "Write a trained run's best model for PyTorch (weights, genotype, model description).") { run, format, outFile };
        command.SetAction(r => CliErrors.Run("export", () =>
        {
            var result = ModelExport.Export(r.GetValue(run)!, r.GetValue(format)!, r.GetValue(outFile));
            var output = r.InvocationConfiguration.Output;
            output.WriteLine($"state dict: {result.StateDict} ({result.Tensors} tensors, {result.Parameters} parameters)");
            output.WriteLine($"description: {result.Description}");
            return CliErrors.Done;
        }));
        return command;
    }
}
