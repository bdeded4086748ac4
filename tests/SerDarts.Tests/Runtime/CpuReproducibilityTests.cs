using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;
using SerDarts.Runtime;
using SerDarts.Tests.Experiments;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace SerDarts.Tests.Runtime;

public sealed class CpuReproducibilityTests
{
    // The environment another machine (or a user) could bring: every dispatcher told to use AVX-512.
    private static readonly (string, string)[] AvxFiveTwelve =
        [("ATEN_CPU_CAPABILITY", "avx512"), ("ONEDNN_MAX_CPU_ISA", "AVX512_CORE"), ("MKL_CBWR", "AVX512")];
    private static readonly (string, string)[] AvxTwo =
        [("ATEN_CPU_CAPABILITY", "avx2"), ("ONEDNN_MAX_CPU_ISA", "AVX2"), ("MKL_CBWR", "AVX2")];

    [Fact]
    public void The_default_is_portable_and_the_test_host_computes_with_avx2_kernels()
    {
        Assert.Equal(CpuReproducibility.Portable, new ExecutionSettings().Reproducibility);
        if (!Avx2.IsSupported) return; // a CPU without AVX2 cannot run portable (checked below)
        Assert.Equal("AVX2", CpuReproducibility.Capability());
    }

    [Fact]
    public void Portable_gives_the_same_bytes_whatever_the_environment_asks_for()
    {
        if (!Avx2.IsSupported) return;
        var (wide, wideCapability) = Digest(CpuReproducibility.Portable, AvxFiveTwelve);
        var (narrow, narrowCapability) = Digest(CpuReproducibility.Portable, AvxTwo);
        Assert.Equal("AVX2", wideCapability);
        Assert.Equal("AVX2", narrowCapability);
        Assert.Equal(narrow, wide);
    }

    [Fact]
    public void Native_follows_the_cpu_and_the_environment_so_avx512_kernels_give_other_bytes()
    {
        // The control: without the caps the same computation differs between kernel levels, so the equality above
        // is the setting's doing. Only an AVX-512 machine has two levels to compare.
        if (!Avx512F.IsSupported) return;
        var (wide, wideCapability) = Digest(CpuReproducibility.Native, AvxFiveTwelve);
        var (narrow, narrowCapability) = Digest(CpuReproducibility.Native, AvxTwo);
        Assert.Equal("AVX512", wideCapability);
        Assert.Equal("AVX2", narrowCapability);
        Assert.NotEqual(narrow, wide);
    }

    [Fact]
    public void Portable_after_torch_chose_avx512_kernels_is_refused_with_the_reason()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CpuReproducibility.Verify(CpuReproducibility.Portable, "AVX512"));
        Assert.Contains("after torch had chosen its AVX512 kernels", error.Message);
        Assert.Contains("needs an x86-64 CPU with AVX2",
            Assert.Throws<InvalidOperationException>(() => CpuReproducibility.Verify(CpuReproducibility.Portable, "DEFAULT")).Message);
        Assert.Equal("AVX512", CpuReproducibility.Verify(CpuReproducibility.Native, "AVX512"));
        Assert.Contains("execution.reproducibility 'fast'", Assert.Single(new ExecutionSettings(Reproducibility: "fast").Errors()));
    }

    private static (string Digest, string Capability) Digest(string mode, (string, string)[] environment)
    {
        using var child = ChildProcess.Start("cpu-kernels", [.. environment, ("MODE", mode)]);
        Assert.True(child.WaitForExit(TimeSpan.FromSeconds(120)) == 0, child.Output);
        var line = child.Output.Split('\n').Single(l => l.StartsWith("digest ", StringComparison.Ordinal)).Trim().Split(' ');
        return (line[1], line[2]);
    }

    /// <summary>Child role: applies MODE as an entry point does, then digests a convolution, a matmul and an LSTM step
    /// (oneDNN, MKL and ATen kernels) of fixed inputs. Prints "digest HEX CAPABILITY".</summary>
    internal static int ConvolutionDigest(string mode)
    {
        ProcessSetup.Apply(new ExecutionSettings(Threads: 1, Reproducibility: mode));
        torch.manual_seed(7);
        using var scope = NewDisposeScope();
        var x = randn(4, 16, 48, 48);
        var conv = nn.functional.conv2d(x, randn(32, 16, 3, 3), padding: [1, 1]);
        var product = randn(257, 311).matmul(randn(311, 129));
        var lstm = nn.LSTM(32, 24, batchFirst: true);
        var (steps, _, _) = lstm.forward(conv.mean([2]).transpose(1, 2));
        var bytes = new[] { conv, product, steps, x.softmax(1).log() }
            .SelectMany(t => t.contiguous().data<float>().ToArray()).SelectMany(BitConverter.GetBytes).ToArray();
        Console.WriteLine($"digest {Convert.ToHexString(SHA256.HashData(bytes))} {CpuReproducibility.Capability()}");
        return 0;
    }
}
