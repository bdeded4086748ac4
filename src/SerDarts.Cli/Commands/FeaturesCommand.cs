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
        var input = new Option<string>("--input") { Description = "WAV file (mono, the preset's sample rate).", Required = true };
        var preset = new Option<string>("--preset") { Description = "paper or speech.", DefaultValueFactory = _ => "paper" };
        var kind = new Option<string>("--kind") { Description = "spectrogram, logmel or mfcc.", DefaultValueFactory = _ => "mfcc" };
        var output = new Option<string>("--out") { Description = "CSV file: one line per row, comma-separated frames.", Required = true };
        var command = new Command("dump", "Full-length feature matrix of one clip (no cropping, pooling or normalisation) as CSV.")
            { input, preset, kind, output };
        command.SetAction(result => Run(() =>
        {
            var p = FeaturePreset.FromName(result.GetValue(preset)!);
            var k = FeatureKinds.Parse(result.GetValue(kind)!);
            var path = result.GetValue(input)!;
            var clip = SerDarts.Audio.WavReader.Read(path);
            if (clip.SampleRate != p.SampleRate)
                throw new InvalidDataException($"{path}: {clip.SampleRate} Hz, the '{p.Name}' preset needs {p.SampleRate} Hz");
            using var extractor = new FeatureExtractor(p);
            var matrix = extractor.ComputeMatrix(clip.Samples, k);
            FeatureCsv.Write(result.GetValue(output)!, matrix);
            Console.WriteLine($"{k.Name()} {matrix.GetLength(0)} x {matrix.GetLength(1)} -> {result.GetValue(output)}");
        }));
        return command;
    }

    private static Command Extract()
    {
        var dataset = new Option<string>("--dataset") { Description = "Corpus name (iemocap, msp-improv, sample, ...).", Required = true };
        var root = new Option<string>("--root") { Description = "Corpus folder.", Required = true };
        var preset = new Option<string>("--preset") { Description = "Feature preset (network grids exist for paper).", DefaultValueFactory = _ => "paper" };
        var grid = new Option<string>("--grid") { Description = "paper (128x128) or small (64x64).", DefaultValueFactory = _ => "paper" };
        var kind = new Option<string>("--kind") { Description = "mfcc or logmel (spectrogram = log-mel on the same grid).", DefaultValueFactory = _ => "mfcc" };
        var cache = new Option<string?>("--cache") { Description = "Cache folder (default: the SerDarts cache)." };
        var workers = new Option<int?>("--workers") { Description = "Single-threaded extractors side by side (default: one per core)." };
        var command = new Command("extract", "Fill the feature cache for a corpus.") { dataset, root, preset, grid, kind, cache, workers };
        command.SetAction(result => Run(() =>
        {
            var spec = GridSpec(result.GetValue(preset)!, result.GetValue(grid)!, FeatureKinds.Parse(result.GetValue(kind)!));
            var store = result.GetValue(cache) is { } folder ? new FeatureCache(folder) : FeatureCache.Default();
            var utterances = LoadCorpus(result.GetValue(dataset)!, result.GetValue(root)!)
                .Where(u => EmotionClasses.IndexOf(u.Emotion) >= 0).ToList();
            AnsiConsole.Progress().Start(ctx =>
            {
                var task = ctx.AddTask($"features {Markup.Escape(spec.ToString())}", maxValue: utterances.Count);
                using var set = FeatureSetBuilder.Build(utterances, spec, store, new InlineProgress(n => task.Value = n),
                    workers: result.GetValue(workers));
            });
            Console.WriteLine($"{utterances.Count} utterances, {spec} (spec {spec.SpecHash()}) cached in {store.Folder}");
        }));
        return command;
    }

    private static FeatureSpec GridSpec(string preset, string grid, FeatureKind kind)
    {
        if (FeaturePreset.FromName(preset) != FeaturePreset.Paper)
            throw new ArgumentException($"network grids are defined for the paper preset, not '{preset}'");
        return FeatureSpec.FromName(grid, kind);
    }

    // Corpus loaders belong to the corpora area; the lead wires this lookup when both land.
    private static IReadOnlyList<Utterance> LoadCorpus(string dataset, string root) =>
        throw new NotSupportedException($"corpus '{dataset}' at {root}: corpus loaders are not available in this build yet");

    internal static int Run(Action action)
    {
        try
        {
            action();
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or NotSupportedException
                                      or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return e is NotSupportedException ? 2 : 1;
        }
    }

    /// <summary>Reports on the reporting thread (Progress&lt;T&gt; would post to the thread pool, out of order).</summary>
    private sealed class InlineProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
