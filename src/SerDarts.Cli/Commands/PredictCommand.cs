using System.CommandLine;
using System.Globalization;
using SerDarts.Corpora;
using SerDarts.Experiments.Prediction;
using SerDarts.Features;

namespace SerDarts.Cli.Commands;

/// <summary><c>serdarts predict</c>: emotion probabilities of WAV files from a trained run's best model (<see cref="Predictor"/>).</summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        var run = new Option<string>("--run") { Description = "Training run directory (serdarts train's --out, or a trial folder holding train/).", Required = true };
        var files = new Argument<string[]>("files") { Description = "WAV files to classify.", Arity = ArgumentArity.OneOrMore };
        var speakerAudio = new Option<string?>("--speaker-audio")
        {
            Description = "Folder of the speaker's audio (*.wav, recursive): the statistics of per-speaker standardisation " +
                          "(runs that standardise per speaker; without it each file uses its own, with a warning).",
        };
        var json = new Option<bool>("--json") { Description = "Print JSON (files, probabilities, normalisation, warnings)." };
        var device = new Option<string?>("--device") { Description = "auto, cpu, cuda or cuda:N." };
        var command = new Command("predict", "Emotion probabilities of WAV files from a trained run's best model.") { run, files, speakerAudio, json, device };
        command.SetAction(r => CliErrors.Run("predict", () =>
        {
            var report = Predictor.Predict(r.GetValue(run)!, r.GetValue(files)!,
                new PredictOptions(r.GetValue(speakerAudio), r.GetValue(device), FeatureCache.Default()));
            var output = r.InvocationConfiguration.Output;
            if (r.GetValue(json))
            {
                output.Write(report.ToJson());
                return CliErrors.Done;
            }
            foreach (var warning in report.Warnings) Console.Error.WriteLine($"warning: {warning}");
            output.WriteLine($"{report.Model} model of {report.Run}; normalisation: {report.Normalization}");
            output.WriteLine(string.Join("  ", EmotionClasses.FourClass.Select(c => c.PadLeft(8))) + "  emotion   file");
            foreach (var f in report.Files)
                output.WriteLine(string.Join("  ", f.Probabilities.Select(p => p.ToString("F4", CultureInfo.InvariantCulture).PadLeft(8))) +
                                 $"  {f.Emotion,-8}  {f.File}");
            return CliErrors.Done;
        }));
        return command;
    }
}
