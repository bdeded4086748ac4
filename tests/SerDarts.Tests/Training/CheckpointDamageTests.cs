using SerDarts.Runs;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SerDarts.Tests.Training;

/// <summary>Damaged checkpoint files are detected before any tensor is read; the previous checkpoint is the fallback.</summary>
[Collection(TorchSerialCollection.Name)]
public class CheckpointDamageTests
{
    private static nn.Module<Tensor, Tensor> Net(int seed)
    {
        manual_seed(seed);
        return nn.Sequential(nn.Linear(30, 40), nn.BatchNorm1d(40), nn.Linear(40, 2)); // the first weights fill most of the file
    }

    private static float[][] Weights(nn.Module module) =>
        module.state_dict().Values.Select(t => t.to_type(ScalarType.Float32).data<float>().ToArray()).ToArray();

    private static string Saved(string name, nn.Module net, string header = "{\"epoch\": 1}")
    {
        var path = Path.Combine(TinySetups.TempFolder(name), "last.ckpt");
        Checkpoint.Save(path, header, [("net", net)], []);
        return path;
    }

    private static void Flip(string path, long offset)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[offset] ^= 0x5A;
        File.WriteAllBytes(path, bytes);
    }

    [Theory]
    [InlineData(0.004)] // inside the prefix or the header JSON
    [InlineData(0.5)]  // inside the tensors
    [InlineData(0.9)]
    [InlineData(0.999)] // inside the checksum trailer
    public void Flipped_bytes_are_an_error_naming_the_file_and_leave_the_model_untouched(double where)
    {
        var path = Saved("ckpt-flip", Net(1));
        Flip(path, (long)(new FileInfo(path).Length * where));
        var target = Net(2);
        var before = Weights(target);

        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path, [("net", target)], []));

        Assert.StartsWith(path + ": ", e.Message);
        Assert.Equal(before, Weights(target));
    }

    [Fact]
    public void A_truncated_file_is_an_error_naming_the_file()
    {
        var path = Saved("ckpt-cut", Net(1));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 10)]);
        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path, [("net", Net(2))], []));
        Assert.Contains(path, e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void A_save_keeps_the_replaced_file_as_the_previous_checkpoint_and_no_more()
    {
        var path = Saved("ckpt-rotate", Net(1), "{\"epoch\": 1}");
        Checkpoint.Save(path, "{\"epoch\": 2}", [("net", Net(2))], []);
        Checkpoint.Save(path, "{\"epoch\": 3}", [("net", Net(3))], []);

        var folder = Path.GetDirectoryName(path)!;
        Assert.Equal(["last.ckpt", "last.previous.ckpt"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("{\"epoch\": 3}", Checkpoint.Load(path, [("net", Net(9))], []));
        Assert.Equal("{\"epoch\": 2}", Checkpoint.Load(Path.Combine(folder, "last.previous.ckpt"), [("net", Net(9))], []));
    }

    [Fact]
    public void Restore_passes_over_a_damaged_newest_file_to_the_previous_one()
    {
        var older = Net(1);
        var path = Saved("ckpt-fallback", older, "{\"epoch\": 1}");
        Checkpoint.Save(path, "{\"epoch\": 2}", [("net", Net(2))], []);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var target = Net(3);

        var restore = Checkpoint.Restore(path, [("net", target)], []);

        Assert.True(restore.Restored);
        Assert.Equal(Checkpoint.PreviousPath(path), restore.Path);
        Assert.Equal("{\"epoch\": 1}", restore.Header);
        Assert.Equal(Weights(older), Weights(target));
        var problem = Assert.Single(restore.Rejected);
        Assert.Equal(path, problem.Path);
        Assert.Contains("truncated", problem.Problem);
    }

    [Fact]
    public void Restore_with_no_usable_file_loads_nothing_and_lists_every_problem()
    {
        var path = Saved("ckpt-none", Net(1));
        Checkpoint.Save(path, "{}", [("net", Net(2))], []);
        Flip(path, new FileInfo(path).Length / 2);
        File.WriteAllText(Checkpoint.PreviousPath(path), "not a checkpoint");
        var target = Net(3);
        var before = Weights(target);

        var restore = Checkpoint.Restore(path, [("net", target)], []);

        Assert.False(restore.Restored);
        Assert.Null(restore.Header);
        Assert.Equal(before, Weights(target));
        Assert.Equal([path, Checkpoint.PreviousPath(path)], restore.Rejected.Select(p => p.Path));
        Assert.Contains("checksum mismatch", restore.Rejected[0].Problem);
        Assert.Contains("not a SerDarts checkpoint", restore.Rejected[1].Problem);
    }

    [Fact]
    public void A_previous_checkpoint_left_alone_by_an_interrupted_save_is_restored()
    {
        var path = Saved("ckpt-window", Net(1), "{\"epoch\": 1}");
        Checkpoint.Save(path, "{\"epoch\": 2}", [("net", Net(2))], []);
        File.Delete(path); // a crash between the two renames of a save

        Assert.True(Checkpoint.Exists(path));
        var restore = Checkpoint.Restore(path, [("net", Net(3))], []);
        Assert.Equal("{\"epoch\": 1}", restore.Header);
        Assert.Contains("missing", Assert.Single(restore.Rejected).Problem);
    }

    [Fact]
    public void A_version_1_file_without_checksum_is_refused()
    {
        var path = Path.Combine(TinySetups.TempFolder("ckpt-v1"), "last.ckpt");
        using (var writer = new BinaryWriter(File.Create(path)))
        {
            writer.Write("SERDARTS-CHECKPOINT");
            writer.Write(1);
            writer.Write("{}");
        }
        Assert.Contains("no checksum", Checkpoint.Verify(path)!.Problem);
    }

    [Fact]
    public void A_sound_file_that_fits_another_model_is_an_error_not_damage()
    {
        var path = Saved("ckpt-misfit", Net(1));
        Assert.Null(Checkpoint.Verify(path));
        var other = nn.Sequential(nn.Linear(30, 5));
        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.Restore(path, [("net", other)], []));
        Assert.Contains("does not fit this model", e.Message);
    }
}
