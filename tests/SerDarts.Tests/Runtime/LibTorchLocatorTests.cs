using SerDarts.Runtime;

namespace SerDarts.Tests.Runtime;

public class LibTorchLocatorTests
{
    private static string Package(string root, string id, string version, bool withLibTorch = true)
    {
        var native = Directory.CreateDirectory(Path.Combine(root, id, version, "runtimes", "linux-x64", "native")).FullName;
        if (withLibTorch) File.WriteAllText(Path.Combine(native, "libtorch_cpu.so"), "");
        return native;
    }

    [Fact]
    public void The_libtorch_of_torchsharps_version_is_chosen_over_a_newer_looking_one()
    {
        // Ordinally "2.5.1" sorts after "2.10.0": a cache with both must still give the version TorchSharp needs.
        var root = Directory.CreateTempSubdirectory("serdarts-packages").FullName;
        Package(root, "libtorch-cpu-linux-x64", "2.5.1");
        var expected = Package(root, "libtorch-cpu-linux-x64", "2.10.0");

        Assert.Equal(expected, LibTorchLocator.PackageNativeFolder(root, "2.10.0"));
        Assert.Null(LibTorchLocator.PackageNativeFolder(root, "2.11.0"));
        Assert.Equal(expected, LibTorchLocator.PackageNativeFolder(root, null)); // unknown: the highest version
    }

    [Fact]
    public void A_cuda_build_of_the_version_wins_over_the_cpu_build_and_a_folder_without_libtorch_is_skipped()
    {
        var root = Directory.CreateTempSubdirectory("serdarts-packages").FullName;
        var cpu = Package(root, "libtorch-cpu-linux-x64", "2.10.0");
        Package(root, "libtorch-cuda-12.8-linux-x64", "2.10.0", withLibTorch: false); // parts elsewhere: not a libtorch folder

        Assert.Equal(cpu, LibTorchLocator.PackageNativeFolder(root, "2.10.0"));
        var cuda = Package(root, "libtorch-cuda-12.8-linux-x64", "2.10.0");
        Assert.Equal(cuda, LibTorchLocator.PackageNativeFolder(root, "2.10.0"));
    }

    [Theory]
    [InlineData("2.10.0.0", "2.10.0")]
    [InlineData("2.10.0", "2.10.0")]
    [InlineData("2.7.1.3", "2.7.1.3")]
    [InlineData("1.2.0.0-preview", "1.2.0-preview")]
    public void Versions_are_named_as_nuget_names_their_folders(string version, string folder)
    {
        Assert.Equal(folder, LibTorchLocator.NormalizeVersion(version));
    }

    [Fact]
    public void The_expected_version_is_read_from_torchsharp_and_the_packages_folder_from_an_assembly_path()
    {
        Assert.Equal("2.10.0", LibTorchLocator.ExpectedVersion(typeof(TorchSharp.torch)));
        Assert.Equal("/home/u/.nuget/packages", LibTorchLocator.PackagesRootOf("/home/u/.nuget/packages/torchsharp/0.107.0/lib/net8.0/TorchSharp.dll"));
        Assert.Null(LibTorchLocator.PackagesRootOf("/app/bin/TorchSharp.dll")); // an app's output folder
    }
}
