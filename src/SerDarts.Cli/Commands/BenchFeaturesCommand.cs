using System.CommandLine;
using System.Globalization;
using SerDarts.Features;

namespace SerDarts.Cli.Commands;

internal static class BenchFeaturesCommand
{
    public static Command Create()
    {
        var root = new Option<string>("--root") { Description = "Folder of WAV files (searched recursively).", Required = true };
        var frontEnd = new Option<string>("--front-end") { Description = "Feature front end (sample rate, window, filters): paper, speech or emodarts.", DefaultValueFactory = _ => "paper" };
        var kind = new Option<string>("--kind") { Description = "spectrogram, logmel or mfcc.", DefaultValueFactory = _ => "mfcc" };
        var threads = new Option<int>("--threads") { Description = "torch threads.", DefaultValueFactory = _ => 2 };
        var batch = new Option<int>("--batch") { Description = "Clips per batch.", DefaultValueFactory = _ => 1 };
        var seconds = new Option<double>("--seconds") { Description = "Minimum timed wall time.", DefaultValueFactory = _ => 5.0 };
        var workers = new Option<int?>("--workers") { Description = "Extractors running side by side, sharing --threads (default: one per thread)." };
        var command = new Command("features", "Feature extraction throughput (no cache), in seconds of audio per second.")
            { root, frontEnd, kind, threads, batch, seconds, workers };
        command.SetAction(result => CliErrors.Run("bench features", () =>
        {
            var options = new FeatureBenchmarkOptions(FeaturePreset.FromName(result.GetValue(frontEnd)!),
                FeatureKinds.Parse(result.GetValue(kind)!), result.GetValue(threads), result.GetValue(batch),
                result.GetValue(seconds), result.GetValue(workers));
            var r = FeatureBenchmark.Run(result.GetValue(root)!, options);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"serdarts features preset={options.Preset.Name} kind={options.Kind.Name()} threads={r.Threads} " +
                $"workers={r.Workers} batch={r.BatchSize} files={r.Files} audio_s={r.AudioSeconds:F1} processed_s={r.ProcessedSeconds:F1} " +
                $"elapsed_s={r.ElapsedSeconds:F2} audio_s_per_cpu_s={r.AudioSecondsPerCpuSecond:F1} " +
                $"audio_s_per_s={r.AudioSecondsPerSecond:F1}"));
        }));
        return command;
    }
}
