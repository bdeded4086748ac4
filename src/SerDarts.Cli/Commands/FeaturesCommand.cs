using SerDarts.Runtime;
using System.CommandLine;
using SerDarts.Corpora;
using SerDarts.Features;
using Spectre.Console;

namespace SerDarts.Cli.Commands;

internal static class FeaturesCommand
{
    public static Command Create()
    {
        var command = new Command("features", "Compute, dump and cache audio features.");
        command.Subcommands.Add(Dump());
        command.Subcommands.Add(Extract());
        return command;
    }

    private static Command Dump()
    {
        var input = new Option<string>("--input") { Description = "WAV file (any PCM/float WAV; mixed to mono and resampled to the front end's rate).", Required = true };
        // Not --preset: that names an experiment preset everywhere else. A front end is rate, window and filters.
        var frontEnd = new Option<string>("--front-end") { Description = "Feature front end (sample rate, window, filters): paper, speech or emodarts.", DefaultValueFactory = _ => "paper" };
        var kind = new Option<string>("--kind") { Description = "spectrogram, logmel or mfcc.", DefaultValueFactory = _ => "mfcc" };
        var output = new Option<string>("--out") { Description = "CSV file: one line per row, comma-separated frames.", Required = true };
        var command = new Command("dump", "Full-length feature matrix of one clip (no cropping, pooling or normalisation) as CSV.")
            { input, frontEnd, kind, output };
        command.SetAction(result => CliErrors.Run("features dump", () =>
        {
            var p = FeaturePreset.FromName(result.GetValue(frontEnd)!);
            var k = FeatureKinds.Parse(result.GetValue(kind)!);
            var path = result.GetValue(input)!;
            var clip = SerDarts.Audio.AudioFile.Load(path, p.SampleRate);
            using var extractor = new FeatureExtractor(p);
            var matrix = extractor.ComputeMatrix(clip.Samples, k);
            FeatureCsv.Write(result.GetValue(output)!, matrix);
            Console.WriteLine($"{k.Name()} {matrix.GetLength(0)} x {matrix.GetLength(1)} -> {result.GetValue(output)}");
        }));
        return command;
    }

    private static Command Extract()
    {
        var dataset = new Option<string?>("--dataset") { Description = "Corpus: sample (default), iemocap, ravdess, cremad, emodb or manifest." };
        var root = new Option<string?>("--root") { Description = "Corpus folder (not needed for the sample corpus)." };
        var grid = new Option<string>("--grid") { Description = "The spec's features.grid: paper (128x128), small (64x64) or emodarts.", DefaultValueFactory = _ => "paper" };
        var kind = new Option<string>("--kind") { Description = "mfcc or logmel (spectrogram = log-mel on the same grid).", DefaultValueFactory = _ => "mfcc" };
        var cache = new Option<string?>("--cache") { Description = "Cache folder (default: the SerDarts cache)." };
        var workers = new Option<int?>("--workers") { Description = "Single-threaded extractors side by side (default: one per core)." };
        var command = new Command("extract", "Fill the feature cache for a corpus.") { dataset, root, grid, kind, cache, workers };
        command.SetAction(result => CliErrors.Run("features extract", () =>
        {
            var spec = FeatureSpec.FromName(result.GetValue(grid)!, FeatureKinds.Parse(result.GetValue(kind)!));
            var store = result.GetValue(cache) is { } folder ? new FeatureCache(folder) : FeatureCache.Default();
            var utterances = CorpusSource.Resolve(result.GetValue(dataset), result.GetValue(root)).Scan().FourClass().Utterances;
            IReadOnlyList<SkippedFile> skipped = [];
            AnsiConsole.Progress().Start(ctx =>
            {
                var task = ctx.AddTask($"features {Markup.Escape(spec.ToString())}", maxValue: utterances.Count);
                using var build = FeatureSetBuilder.BuildUsable(utterances, spec, store, new SyncProgress<int>(n => task.Value = n),
                    workers: result.GetValue(workers));
                skipped = build.Skipped;
            });
            Console.WriteLine($"{utterances.Count - skipped.Count} utterances, {spec} (spec {spec.SpecHash()}) cached in {store.Folder}");
            foreach (var file in skipped) Console.WriteLine($"skipped {file.Path}: {file.Reason}");
        }));
        return command;
    }
}
