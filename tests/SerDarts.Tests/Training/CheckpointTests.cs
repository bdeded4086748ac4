using SerDarts.Runs;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SerDarts.Tests.Training;

[Collection(TorchSerialCollection.Name)]
public class CheckpointTests
{
    private static (nn.Module<Tensor, Tensor> Net, SGD Opt) Trained(int seed)
    {
        manual_seed(seed);
        var net = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4), nn.Linear(4, 2));
        var opt = optim.SGD(net.parameters(), 0.1, 0.9);
        using var scope = NewDisposeScope();
        opt.zero_grad();
        net.call(randn(5, 3)).sum().backward();
        opt.step();
        return (net, opt);
    }

    [Fact]
    public void Modules_optimisers_and_header_round_trip()
    {
        var folder = TinySetups.TempFolder("ckpt");
        var path = Path.Combine(folder, "last.ckpt");
        var (a, optA) = Trained(1);
        Checkpoint.Save(path, "{\"epoch\": 3}", [("net", a)], [("sgd", optA)]);
        var (b, optB) = Trained(2);
        Assert.False(a.parameters().First().allclose(b.parameters().First()));

        var header = Checkpoint.Load(path, [("net", b)], [("sgd", optB)]);

        Assert.Equal("{\"epoch\": 3}", header);
        foreach (var ((_, p), (_, q)) in a.state_dict().Zip(b.state_dict())) Assert.True(p.eq(q).all().item<bool>());
        var bufferA = ((SGD.State)optA.state_dict().State[0]).momentum_buffer;
        var bufferB = ((SGD.State)optB.state_dict().State[0]).momentum_buffer;
        Assert.True(bufferA.eq(bufferB).all().item<bool>());
        Assert.Empty(Directory.GetFiles(folder, "*.tmp")); // the atomic write left no temp file
    }

    [Fact]
    public void A_truncated_or_foreign_file_fails_with_its_path()
    {
        var folder = TinySetups.TempFolder("ckpt-bad");
        var path = Path.Combine(folder, "last.ckpt");
        var (a, opt) = Trained(1);
        Checkpoint.Save(path, "{}", [("net", a)], [("sgd", opt)]);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path, [("net", a)], [("sgd", opt)]));
        Assert.Contains(path, e.Message);
        File.WriteAllText(path, "hello");
        Assert.Contains(path, Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path, [("net", a)], [])).Message);
    }
}
