using SerDarts.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Tests.Runtime;

public class TorchRuntimeTests
{
    [Fact]
    public void Tensors_conv2d_and_stft_run_after_initialisation()
    {
        TorchRuntime.Initialize();
        using var scope = NewDisposeScope();

        var sum = tensor(new[] { 1f, 2f, 3f }).sum().item<float>();
        Assert.Equal(6f, sum);

        // A 2x2 all-ones kernel over arange(9) as 3x3: each output is the sum of a 2x2 block.
        var image = arange(9, dtype: float32).reshape(1, 1, 3, 3);
        var conv = nn.functional.conv2d(image, ones(1, 1, 2, 2)).flatten().data<float>().ToArray();
        Assert.Equal(new[] { 0f + 1 + 3 + 4, 1f + 2 + 4 + 5, 3f + 4 + 6 + 7, 4f + 5 + 7 + 8 }, conv);

        // A cosine at bin 4 of a 32-point frame: |X[4]| = N/2 with a rectangular window.
        var n = arange(32, dtype: float64);
        var signal = cos(n * (2 * Math.PI * 4 / 32));
        var spectrum = stft(signal, n_fft: 32, hop_length: 32, window: ones(32, dtype: float64), center: false, return_complex: true);
        Assert.Equal(16.0, spectrum.abs()[4, 0].item<double>(), 9);
        Assert.Equal(0.0, spectrum.abs()[3, 0].item<double>(), 9);
    }

    [Fact]
    public void Initialize_is_idempotent_and_reports_where_libtorch_came_from()
    {
        var first = TorchRuntime.Initialize();
        var second = TorchRuntime.Initialize();
        Assert.Same(first, second);
        if (OperatingSystem.IsLinux())
        {
            Assert.True(File.Exists(Path.Combine(first.NativeFolder, "libtorch_cpu.so")));
            Assert.True(File.Exists(first.LibTorchSharpPath));
        }
    }

    [Fact]
    public void A_failure_says_why_in_one_sentence()
    {
        var error = new TorchRuntimeException("libtorch 2.10.0 is not in the NuGet cache /x: add #r \"nuget: TorchSharp-cpu, 0.107.0\"");

        Assert.IsAssignableFrom<DllNotFoundException>(error);
        Assert.StartsWith("SerDarts could not load TorchSharp's native backend: libtorch 2.10.0", error.Message);
        Assert.Single(error.Message.Split(". ", StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Doctor_reports_a_successful_cpu_computation()
    {
        var report = DoctorReport.Collect();
        Assert.True(report.ComputationOk, report.Error);
        Assert.Equal("2.10.0", report.LibTorchVersion);
        Assert.Equal("0.107.0", report.TorchSharpVersion);
    }
}
