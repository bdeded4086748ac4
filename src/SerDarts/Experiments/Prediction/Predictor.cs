using System.Globalization;
using SerDarts.Audio;
using SerDarts.Corpora;
using SerDarts.Experiments.Execution;
using SerDarts.Experiments.Specs;
using SerDarts.Features;
using SerDarts.Training;

namespace SerDarts.Experiments.Prediction;

/// <summary>
/// Classifies new WAV files with a trained run's best model, through exactly the inputs its evaluation used:
/// the trial's grid and windows (whole-clip windows averaged at the logits), and its normalisation: the
/// training fold's statistics (recomputed from the corpus through the feature cache), or per speaker from a
/// folder of the speaker's audio.
/// </summary>
public static class Predictor
{
    /// <param name="runDirectory">A training run (serdarts train's folder) or a trial folder holding train/.</param>
    /// <param name="files">WAV files, any rate (resampled as the corpus is).</param>
    /// <param name="options">Speaker audio, device, cache.</param>
    public static PredictionReport Predict(string runDirectory, IReadOnlyList<string> files, PredictOptions? options = null)
    {
        var trainDirectory = TrialFile.TrainingRunIn(runDirectory);
        return Predict(TrialFile.Load(trainDirectory), trainDirectory, files, options);
    }

    /// <summary>As <see cref="Predict(string, IReadOnlyList{string}, PredictOptions?)"/> for a trial known
    /// otherwise (a results store's row) than by its trial.json.</summary>
    public static PredictionReport Predict(TrialSpec trial, string runDirectory, IReadOnlyList<string> files, PredictOptions? options = null)
    {
        options ??= new PredictOptions();
        if (files.Count == 0) throw new ArgumentException("no WAV file to classify");
        var trainDirectory = TrialFile.TrainingRunIn(runDirectory);
        var features = trial.Spec.Features;
        var spec = features.ToFeatureSpec();
        var utterances = files.Select((file, i) => Utterance($"file{i}", file, required: true)!).ToList();
        using var raw = Features(utterances, spec, features.Window, cache: null, strict: true).Set;
        using var model = TrainedModel.Load(trainDirectory, options.Device, inputRows: spec.Channels * spec.Rows);

        var warnings = new List<string>();
        string normalization;
        FeatureSet inputs;
        var level = features.ParsedNormalization();
        if (level.PerSpeaker)
        {
            if (options.SpeakerAudio is not null || options.SpeakerFiles is { Count: > 0 })
            {
                using var speaker = SpeakerAudio(options.SpeakerAudio, options.SpeakerFiles ?? [], spec, features.Window, options.Cache, warnings);
                inputs = SpeakerNormalization.ApplyWith(speaker.Set, raw);
                var source = options.SpeakerAudio is { } folder ? $" in {Path.GetFullPath(folder)}" : "";
                normalization = $"per speaker: statistics of the speaker's {speaker.Set.ClipOrder().Count} clips{source}";
            }
            else
            {
                inputs = SpeakerNormalization.Apply(raw, raw.Clips);
                normalization = "per file: each file's own statistics (no speaker audio given)";
                warnings.Add("the run standardised features per speaker, but no speaker audio was given (--speaker-audio DIR): " +
                             "each file is standardised with its own statistics instead, which makes the probabilities less reliable");
            }
        }
        else if (level.Kind == NormalizationLevel.None)
        {
            if (options.SpeakerAudio is not null || options.SpeakerFiles is { Count: > 0 })
                warnings.Add("--speaker-audio is ignored: the run used unstandardised features");
            inputs = raw.WithPaddingZeroed();
            normalization = "none (raw features)";
        }
        else
        {
            if (options.SpeakerAudio is not null || options.SpeakerFiles is { Count: > 0 })
                warnings.Add("--speaker-audio is ignored: the run standardised features with its training fold's statistics");
            using var data = TrialStages.Data(trial, options.Cache);
            var normalizer = data.Normalizer ?? throw new InvalidOperationException("the training fold has no normaliser");
            inputs = normalizer.Apply(raw);
            normalization = string.Create(CultureInfo.InvariantCulture,
                $"training-fold statistics of fold {trial.Fold} of {trial.Spec.Corpus.Name}");
        }
        using (inputs)
        {
            var logits = model.ClipLogits(inputs);
            var position = inputs.ClipOrder().Select((clip, i) => (clip, i)).ToDictionary(p => p.clip, p => p.i, StringComparer.Ordinal);
            var windows = inputs.Clips.GroupBy(c => c, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var predictions = utterances.Select(u => new FilePrediction(u.Path, windows[u.Id], Softmax(logits, position[u.Id]))).ToList();
            return new PredictionReport(model.RunPath, model.Config.Network.Kind, normalization, predictions, warnings);
        }
    }

    /// <summary>softmax(row <paramref name="clip"/>), in float64, shifted by the maximum so that it cannot overflow.</summary>
    public static double[] Softmax(double[,] logits, int clip)
    {
        int classes = logits.GetLength(1);
        double max = Enumerable.Range(0, classes).Max(c => logits[clip, c]);
        var e = Enumerable.Range(0, classes).Select(c => Math.Exp(logits[clip, c] - max)).ToArray();
        double sum = e.Sum();
        return e.Select(v => v / sum).ToArray();
    }

    /// <summary>A file as an unlabelled utterance (the header gives its duration, hence its windows); a file that
    /// is missing or not a WAV fails with its name when <paramref name="required"/>, else is null.</summary>
    private static Utterance? Utterance(string id, string path, bool required)
    {
        try
        {
            if (!File.Exists(path)) throw new FileNotFoundException($"{path} does not exist", path);
            var info = WavReader.ReadInfo(path);
            // Labels are not read by prediction; "neutral" only makes the row a valid 4-class row.
            return new Utterance(id, path, EmotionClasses.Neutral, "speaker", "session", info.DurationSeconds,
                new Dictionary<string, string>());
        }
        catch (AudioFormatException e) when (required)
        {
            throw new InvalidDataException($"cannot classify {e.Message}", e); // the message names the file and the problem
        }
        catch (AudioFormatException)
        {
            return null;
        }
    }

    private static FeatureBuild Features(IReadOnlyList<Utterance> utterances, FeatureSpec spec, WindowSettings windows, FeatureCache? cache,
        bool strict)
    {
        var build = WindowedFeatureSetBuilder.Build(utterances, spec, windows, cache).Build;
        if (!strict || build.Skipped.Count == 0) return build;
        build.Dispose();
        var first = build.Skipped[0];
        throw new InvalidDataException($"{first.Path}: cannot be classified: {first.Reason}");
    }

    /// <summary>The rows of every usable WAV under <paramref name="folder"/> (sorted by path) and of
    /// <paramref name="files"/>; unusable ones are left out with a warning.</summary>
    private static FeatureBuild SpeakerAudio(string? folder, IReadOnlyList<string> files, FeatureSpec spec, WindowSettings windows,
        FeatureCache? cache, List<string> warnings)
    {
        if (folder is not null && !Directory.Exists(folder))
            throw new DirectoryNotFoundException($"speaker audio folder '{folder}' does not exist");
        var inFolder = folder is null
            ? []
            : Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(p => p.EndsWith(".wav", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        var paths = inFolder.Concat(files).ToList();
        var utterances = new List<Utterance>();
        foreach (var path in paths)
        {
            if (Utterance($"speaker{utterances.Count}", path, required: false) is { } u) utterances.Add(u);
            else warnings.Add($"{path}: not a usable WAV file; left out of the speaker's statistics");
        }
        if (utterances.Count == 0) throw new InvalidDataException($"the speaker's audio ({folder ?? "the files given"}) has no usable .wav file");
        var build = Features(utterances, spec, windows, cache, strict: false);
        warnings.AddRange(build.Skipped.Select(s => $"{s.Path}: {s.Reason}; left out of the speaker's statistics"));
        if (build.Set.Count == 0)
        {
            build.Dispose();
            throw new InvalidDataException($"the speaker's audio ({folder ?? "the files given"}) has no usable .wav file");
        }
        return build;
    }
}
