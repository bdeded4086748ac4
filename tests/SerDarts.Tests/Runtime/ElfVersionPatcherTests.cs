using SerDarts.Runtime;

namespace SerDarts.Tests.Runtime;

public class ElfVersionPatcherTests
{
    private static string LibTorchSharpInPackage()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                       ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return Path.Combine(packages, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
    }

    [Fact]
    public void Reads_the_GLIBCXX_3_4_32_requirement_of_TorchSharp_0_107()
    {
        var bytes = File.ReadAllBytes(LibTorchSharpInPackage());
        var needs = ElfVersionPatcher.ReadVersionNeeds(bytes);
        // Facts from `readelf -V` on this exact package: 20 libstdc++ requirements, one of them 3.4.32.
        Assert.Equal(20, needs.Count(n => n.File == "libstdc++.so.6"));
        var marker = Assert.Single(needs, n => n.Name == "GLIBCXX_3.4.32");
        Assert.Equal("libstdc++.so.6", marker.File);
        Assert.Equal(0, marker.Flags);
        Assert.Contains(needs, n => n.File == "libc.so.6" && n.Name == "GLIBC_2.34");
    }

    [Fact]
    public void MarkWeak_sets_only_the_weak_flag_of_the_named_version()
    {
        var original = File.ReadAllBytes(LibTorchSharpInPackage());
        var patched = ElfVersionPatcher.MarkWeak(original, ["GLIBCXX_3.4.32"]);

        var marker = ElfVersionPatcher.ReadVersionNeeds(patched).Single(n => n.Name == "GLIBCXX_3.4.32");
        Assert.Equal(0x2, marker.Flags);
        var changed = Enumerable.Range(0, original.Length).Where(i => original[i] != patched[i]).ToList();
        Assert.Equal([marker.FlagsOffset], changed);
        Assert.All(ElfVersionPatcher.ReadVersionNeeds(patched).Where(n => n.Name != "GLIBCXX_3.4.32"), n => Assert.Equal(0, n.Flags));
    }

    [Fact]
    public void Rejects_a_file_that_is_not_ELF()
    {
        var e = Assert.Throws<InvalidDataException>(() => ElfVersionPatcher.ReadVersionNeeds(new byte[128]));
        Assert.Contains("not an ELF file", e.Message);
    }
}
