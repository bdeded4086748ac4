using FsCheck.Xunit;
using SerDarts.Runs;
using static TorchSharp.torch;

namespace SerDarts.Tests.Training;

/// <summary>Random and mutated checkpoint bytes: loading either restores the saved state or fails with an
/// InvalidDataException naming the file; Restore never throws for damage.</summary>
[Collection(TorchSerialCollection.Name)]
public class CheckpointPropertyTests
{
    private static readonly string Folder = TinySetups.TempFolder("ckpt-fuzz");
    private static readonly byte[] Valid = SavedBytes();

    private static nn.Module Net()
    {
        manual_seed(4);
        return nn.Sequential(nn.Linear(2, 3), nn.BatchNorm1d(3));
    }

    private static byte[] SavedBytes()
    {
        var path = Path.Combine(Folder, "valid.ckpt");
        Checkpoint.Save(path, "{\"epoch\": 7}", [("net", Net())], []);
        return File.ReadAllBytes(path);
    }

    private static bool OnlyTypedErrors(byte[] bytes)
    {
        var path = Path.Combine(Folder, $"{Guid.NewGuid():N}.ckpt");
        File.WriteAllBytes(path, bytes);
        try
        {
            try
            {
                Assert.Equal("{\"epoch\": 7}", Checkpoint.Load(path, [("net", Net())], []));
                Assert.Equal(Valid, bytes); // only the intact file loads
            }
            catch (InvalidDataException e)
            {
                Assert.StartsWith(path + ": ", e.Message);
            }
            var restore = Checkpoint.Restore(path, [("net", Net())], []);
            Assert.Equal(bytes.AsSpan().SequenceEqual(Valid), restore.Restored);
            return true;
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Property(MaxTest = 200)]
    public bool Random_bytes_raise_only_InvalidDataException(byte[] bytes) => OnlyTypedErrors(bytes);

    [Property(MaxTest = 300)]
    public bool Mutated_checkpoints_raise_only_InvalidDataException(byte[] patch, int offset, int cut)
    {
        var bytes = (byte[])Valid.Clone();
        int at = (int)((uint)offset % bytes.Length);
        patch.AsSpan(0, Math.Min(patch.Length, bytes.Length - at)).CopyTo(bytes.AsSpan(at));
        if (cut < 0) // truncate half of the cases
            bytes = bytes[..(int)((uint)cut % (bytes.Length + 1))];
        return OnlyTypedErrors(bytes);
    }
}
