using SerDarts.Features;
using SerDarts.Networks;
using SerDarts.Runs;
using SerDarts.Search;
using SerDarts.Training;

namespace SerDarts.Tests.Training;

/// <summary>
/// Resuming over damaged checkpoints: the drivers go on from the previous checkpoint, or start over, with a
/// warning in the run's log, and end with the same files as an uninterrupted run (every epoch replays exactly).
/// </summary>
[Collection(TorchSerialCollection.Name)]
public class RunRecoveryTests
{
    private static readonly FeatureSet Train = TinySetups.Data(16, 16, seed: 31);
    private static readonly FeatureSet Validation = TinySetups.Data(8, 16, seed: 32);
    private static readonly FeatureSet Test = TinySetups.Data(8, 16, seed: 33);
    private static readonly FeatureSet NoValidation = TinySetups.Data(0, 16, seed: 34);
    private static readonly TrainRunConfig Config = TinySetups.TrainRun(TinySetups.Network with { Kind = NetworkKinds.Cnn }, genotype: null);

    private static TrainResult Run(string dir, bool resume = false, RunControl? control = null, FeatureSet? validation = null) =>
        TrainRun.Execute(Config, TinySetups.Cpu, Train, validation ?? Validation, Test, dir, resume, null, control);

    private static string Checkpoints(string dir, string name) => Path.Combine(dir, "checkpoints", name);

    private static string Log(string dir) => File.ReadAllText(Path.Combine(dir, "log.txt"));

    private static byte[] Metrics(string dir) => File.ReadAllBytes(Path.Combine(dir, "metrics.json"));

    /// <summary>Overwrites 16 bytes of the second convolution's weights (the largest tensor of the CNN):
    /// data, not framing, so only a checksum can tell.</summary>
    private static void Overwrite(string path)
    {
        var bytes = File.ReadAllBytes(path);
        int at = bytes.AsSpan().IndexOf("features.conv1.weight"u8);
        Assert.True(at > 0, $"no features.conv1.weight in {path}");
        for (int i = 0; i < 16; i++) bytes[at + 200 + i] ^= 0x7F;
        File.WriteAllBytes(path, bytes);
    }

    private static void Truncate(string path)
    {
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 3)]);
    }

    /// <summary>metrics.json of the uninterrupted run, trained once.</summary>
    private static readonly Lazy<byte[]> Uninterrupted = new(() => Metrics(Run(TinySetups.TempFolder("recover-whole")).RunDirectory));

    /// <summary>Trains 2 of 3 epochs, damages the run's checkpoints, resumes, checks that the run ends like an
    /// uninterrupted one, and returns its folder.</summary>
    private static string ResumedAfter(Action<string> damage)
    {
        var dir = TinySetups.TempFolder("recover");
        Run(dir, control: new RunControl(StopAfterEpochs: 2));
        damage(dir);
        Assert.True(Run(dir, resume: true).Completed);
        Assert.Equal(Uninterrupted.Value, Metrics(dir));
        return dir;
    }

    [Fact]
    public void Overwritten_weights_in_the_last_checkpoint_resume_from_the_previous_one_with_a_warning()
    {
        var dir = ResumedAfter(d => Overwrite(Checkpoints(d, "last.ckpt")));

        var log = Log(dir);
        Assert.Contains("warning: unusable checkpoint " + Checkpoints(dir, "last.ckpt") + ": checksum mismatch", log);
        Assert.Contains("resumed after epoch 1", log);
    }

    [Fact]
    public void With_no_usable_checkpoint_the_training_restarts_from_scratch_with_a_warning()
    {
        var dir = ResumedAfter(d =>
        {
            Truncate(Checkpoints(d, "last.ckpt"));
            Truncate(Checkpoints(d, "last.previous.ckpt"));
        });

        Assert.Contains("restarts from scratch", Log(dir));
        Assert.True(File.Exists(Checkpoints(dir, "last.ckpt.damaged"))); // kept for a look
        Run(dir, resume: true); // and the next resume finds sound files again
    }

    [Fact]
    public void A_damaged_best_model_is_replaced_by_the_previous_best_and_its_epoch_is_reported()
    {
        // Without a validation set every epoch is the best: best.ckpt holds epoch 3, best.previous.ckpt epoch 2.
        var dir = TinySetups.TempFolder("recover-best");
        Assert.Equal(3, Run(dir, validation: NoValidation).BestEpoch);
        var copy = TinySetups.TempFolder("recover-best-copy"); // the expected result: epoch 2's model, evaluated apart
        Directory.CreateDirectory(Path.Combine(copy, "checkpoints"));
        File.Copy(Path.Combine(dir, "config.json"), Path.Combine(copy, "config.json"));
        File.Copy(Checkpoints(dir, "best.previous.ckpt"), Checkpoints(copy, "best.ckpt"));
        var expected = TrainRun.Evaluate(copy, Test);
        Overwrite(Checkpoints(dir, "best.ckpt"));

        var again = Run(dir, resume: true, validation: NoValidation);

        Assert.Equal(2, again.BestEpoch);
        Assert.Equal(expected.Report.Confusion, again.Test!.Confusion);
        Assert.Contains("evaluating the previous best, epoch 2", Log(dir));
    }

    [Fact]
    public void With_no_usable_best_model_the_training_runs_again_and_ends_like_the_first_time()
    {
        var dir = TinySetups.TempFolder("recover-best-none");
        Run(dir);
        var metrics = Metrics(dir);
        Truncate(Checkpoints(dir, "best.ckpt"));
        if (File.Exists(Checkpoints(dir, "best.previous.ckpt"))) Truncate(Checkpoints(dir, "best.previous.ckpt"));

        var again = Run(dir, resume: true);

        Assert.True(again.Completed);
        Assert.Equal(metrics, Metrics(dir));
        Assert.Contains("restarts from scratch", Log(dir));
    }

    [Fact]
    public void A_search_resumes_from_the_previous_checkpoint_when_the_last_one_is_truncated()
    {
        var weights = TinySetups.Data(8, 16, seed: 41);
        var architecture = TinySetups.Data(8, 16, seed: 42);
        SearchResult Search(string dir, bool resume = false, RunControl? control = null) =>
            SearchRun.Execute(TinySetups.SearchRun(), TinySetups.Cpu, weights, architecture, architecture, dir, resume, null, control);
        var whole = Search(TinySetups.TempFolder("recover-search-whole"));
        var dir = TinySetups.TempFolder("recover-search");
        Search(dir, control: new RunControl(StopAfterEpochs: 2));
        Truncate(Checkpoints(dir, "last.ckpt"));

        Assert.True(Search(dir, resume: true).Completed);

        foreach (var file in new[] { "genotype.json", "metrics.json" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(whole.RunDirectory, file)), File.ReadAllBytes(Path.Combine(dir, file)));
        Assert.Contains("resumed after epoch 1", Log(dir));
        Assert.Contains("truncated", Log(dir));
    }
}
