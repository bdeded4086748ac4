using System.Text.Json.Nodes;
using SerDarts.Cli;
using SerDarts.Experiments.Execution;
using SerDarts.Experiments.Prediction;
using SerDarts.Experiments.Specs;
using SerDarts.Tests.Training;
using SerDarts.Training;

namespace SerDarts.Tests.Experiments;

/// <summary>
/// serdarts predict computes, for a file of the corpus, what the run's evaluation computes for that clip: the
/// expectations are built here from the fold's own sets (FoldData) and a network loaded here from the checkpoint,
/// one forward per row, averaged and soft-maxed by hand.
/// </summary>
[Collection(TorchSerialCollection.Name)]
public class PredictorTests(TrainedRuns runs) : IClassFixture<TrainedRuns>
{
    private const double Tolerance = 1e-5;

    /// <summary>softmax of the mean of the clip's rows' logits, by hand.</summary>
    private static double[] Expected(double[][] rowLogits, IEnumerable<int> rows)
    {
        var r = rows.ToList();
        var mean = Enumerable.Range(0, 4).Select(c => r.Average(i => rowLogits[i][c])).ToArray();
        var e = mean.Select(m => Math.Exp(m)).ToArray();
        return e.Select(v => v / e.Sum()).ToArray();
    }

    private static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int c = 0; c < expected.Count; c++) Assert.InRange(actual[c], expected[c] - Tolerance, expected[c] + Tolerance);
    }

    [Fact]
    public void A_test_clip_gets_the_softmax_of_its_evaluation_logits_under_per_speaker_standardisation()
    {
        var trial = TrialFile.Load(runs.Speaker);
        using var data = TrialStages.Data(trial, runs.Cache);
        var speaker = data.Fold.Test[0].Speaker;
        var clips = Enumerable.Range(0, data.Test.Count).Where(i => data.Fold.Test[i].Speaker == speaker).ToList();
        // The speaker's audio: exactly the clips evaluation took the speaker's statistics from.
        var folder = runs.File($"speaker-{speaker}");
        Directory.CreateDirectory(folder);
        foreach (var i in clips) File.Copy(data.Fold.Test[i].Path, Path.Combine(folder, Path.GetFileName(data.Fold.Test[i].Path)), overwrite: true);
        var chosen = clips.Take(3).ToList();

        var report = Predictor.Predict(runs.Speaker, chosen.Select(i => data.Fold.Test[i].Path).ToList(),
            new PredictOptions(SpeakerAudio: folder, Device: "cpu", Cache: runs.Cache));

        using var network = TrainedRuns.Model(runs.Speaker);
        var logits = TrainedRuns.RowLogits(network, data.Test);
        var evaluated = TrainRun.Evaluate(runs.Speaker, data.Test, "cpu").Predictions;
        Assert.Empty(report.Warnings);
        Assert.Equal("cnn", report.Model);
        for (int k = 0; k < chosen.Count; k++)
        {
            var file = report.Files[k];
            Assert.Equal(data.Fold.Test[chosen[k]].Path, file.File);
            Assert.Equal(1, file.Windows);
            AssertClose(Expected(logits, [chosen[k]]), file.Probabilities);
            Assert.Equal(1.0, file.Probabilities.Sum(), 12);
            Assert.Equal(SerDarts.Corpora.EmotionClasses.FourClass[evaluated[chosen[k]]], file.Emotion);
        }
    }

    [Fact]
    public void Whole_clip_windows_are_averaged_and_training_fold_statistics_applied()
    {
        var trial = TrialFile.Load(runs.Fold);
        using var data = TrialStages.Data(trial, runs.Cache);
        var order = data.Test.ClipOrder();
        // Clips with the most windows first: the averaging must be exercised.
        var chosen = order.OrderByDescending(c => data.Test.Clips.Count(x => x == c)).Take(2).ToList();
        var paths = chosen.Select(c => data.Fold.Test.Single(u => u.Id == c).Path).ToList();

        var report = Predictor.Predict(runs.Fold, paths, new PredictOptions(Device: "cpu", Cache: runs.Cache));

        using var network = TrainedRuns.Model(runs.Fold);
        var logits = TrainedRuns.RowLogits(network, data.Test);
        Assert.Equal("random", report.Model);
        Assert.Contains("training-fold", report.Normalization);
        for (int k = 0; k < chosen.Count; k++)
        {
            var rows = Enumerable.Range(0, data.Test.Count).Where(r => data.Test.Clips[r] == chosen[k]).ToList();
            Assert.True(rows.Count > 1 || k > 0, $"the longest test clip has {rows.Count} window(s)");
            Assert.Equal(rows.Count, report.Files[k].Windows);
            AssertClose(Expected(logits, rows), report.Files[k].Probabilities);
        }
    }

    [Fact]
    public void Without_speaker_audio_a_file_is_its_own_speaker_and_the_report_warns()
    {
        var trial = TrialFile.Load(runs.Speaker);
        using var data = TrialStages.Data(trial, runs.Cache);
        var path = data.Fold.Test[1].Path;
        var alone = runs.File("alone");
        Directory.CreateDirectory(alone);
        File.Copy(path, Path.Combine(alone, "clip.wav"), overwrite: true);

        var fallback = Predictor.Predict(runs.Speaker, [path], new PredictOptions(Device: "cpu"));
        var ownFolder = Predictor.Predict(runs.Speaker, [path], new PredictOptions(SpeakerAudio: alone, Device: "cpu"));

        Assert.Contains(fallback.Warnings, w => w.Contains("--speaker-audio", StringComparison.Ordinal));
        AssertClose(ownFolder.Files[0].Probabilities, fallback.Files[0].Probabilities);
    }

    [Fact]
    public void Input_errors_name_the_run_the_checkpoint_or_the_file()
    {
        var wav = TestClip(TrialFile.Load(runs.Speaker));
        var missingRun = runs.File("no-such-run");
        var e1 = Assert.Throws<DirectoryNotFoundException>(() => Predictor.Predict(missingRun, [wav]));
        Assert.Contains(missingRun, e1.Message);

        var unfinished = runs.File("unfinished");
        Directory.CreateDirectory(unfinished);
        foreach (var name in new[] { "trial.json", "config.json" }) File.Copy(Path.Combine(runs.Speaker, name), Path.Combine(unfinished, name), overwrite: true);
        var e2 = Assert.Throws<InvalidDataException>(() => Predictor.Predict(unfinished, [wav]));
        Assert.Contains("best.ckpt", e2.Message);

        var garbage = runs.File("garbage.wav");
        File.WriteAllText(garbage, "this is not a RIFF file");
        var e3 = Assert.Throws<InvalidDataException>(() => Predictor.Predict(runs.Speaker, [wav, garbage]));
        Assert.Contains(garbage, e3.Message);
        Assert.DoesNotContain('\n', e3.Message);

        var missing = runs.File("missing.wav");
        var e4 = Assert.Throws<FileNotFoundException>(() => Predictor.Predict(runs.Speaker, [missing]));
        Assert.Contains(missing, e4.Message);

        var e5 = Assert.Throws<DirectoryNotFoundException>(() =>
            Predictor.Predict(runs.Speaker, [wav], new PredictOptions(SpeakerAudio: runs.File("no-speaker"))));
        Assert.Contains("no-speaker", e5.Message);
    }

    [Fact]
    public void A_trial_folder_is_read_through_its_train_folder()
    {
        var wav = TestClip(TrialFile.Load(runs.Speaker));
        var trialFolder = runs.File("trial-folder");
        foreach (var file in Directory.EnumerateFiles(runs.Speaker, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(trialFolder, "train", Path.GetRelativePath(runs.Speaker, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        var direct = Predictor.Predict(runs.Speaker, [wav], new PredictOptions(Device: "cpu"));
        var viaTrial = Predictor.Predict(trialFolder, [wav], new PredictOptions(Device: "cpu"));

        Assert.Equal(Path.Combine(trialFolder, "train"), viaTrial.Run);
        Assert.Equal(direct.Files[0].Probabilities, viaTrial.Files[0].Probabilities);
    }

    private static string TestClip(TrialSpec trial) =>
        SerDarts.Features.FoldData.Folds(trial.Spec.Corpus, trial.Spec.Split).Folds[trial.Fold].Test[0].Path;

    [Fact]
    public void The_cli_prints_four_probabilities_summing_to_one_per_file_and_exits_2_on_input_errors()
    {
        var trial = TrialFile.Load(runs.Speaker);
        var fold = SerDarts.Features.FoldData.Folds(trial.Spec.Corpus, trial.Spec.Split).Folds[trial.Fold];
        var files = fold.Test.Take(2).Select(u => u.Path).ToArray();
        var output = new StringWriter();
        int code = CliApp.Build().Parse(["predict", "--run", runs.Speaker, .. files, "--json"])
            .Invoke(new System.CommandLine.InvocationConfiguration { Output = output, Error = new StringWriter() });

        Assert.Equal(0, code);
        var json = JsonNode.Parse(output.ToString())!;
        var printed = json["files"]!.AsArray();
        Assert.Equal(files, printed.Select(f => f!["file"]!.GetValue<string>()));
        foreach (var f in printed)
        {
            var p = f!["probabilities"]!.AsObject();
            Assert.Equal(["neutral", "happy", "sad", "angry"], p.Select(kv => kv.Key));
            Assert.Equal(1.0, p.Sum(kv => kv.Value!.GetValue<double>()), 12);
        }

        int missing = CliApp.Build().Parse(["predict", "--run", runs.File("nothing-here"), files[0]])
            .Invoke(new System.CommandLine.InvocationConfiguration { Output = new StringWriter(), Error = new StringWriter() });
        Assert.Equal(2, missing);
    }
}
