using System.Diagnostics;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using SerDarts.Runtime;

namespace SerDarts.Notebooks.Runner;

/// <summary>
/// Restores <c>#r "nuget: ..."</c> packages the way the kernel does: a small generated project restored by
/// <c>dotnet restore</c> with the NuGet.config found from the notebook's folder upwards, into the normal
/// global packages folder (so native assets sit where TorchRuntime looks). Results are cached per package set.
/// </summary>
public sealed class NuGetRestorer(string? packagesFolder = null, Action<string>? log = null)
{
    private static readonly string[] ConfigNames = ["NuGet.config", "nuget.config", "NuGet.Config"];

    public RestoredPackages Restore(IReadOnlyCollection<PackageReference> packages, IReadOnlyCollection<string> extraSources,
        string notebookFolder)
    {
        if (packages.Count == 0) return RestoredPackages.Empty;
        var config = FindConfig(notebookFolder);
        var folder = Path.Combine(CacheFolders.Root(), "notebook-restore", Key(packages, extraSources, config));
        var assets = Path.Combine(folder, "obj", "project.assets.json");
        if (!packages.Any(p => p.IsFloating) && File.Exists(assets) && StillPresent(PackageAssets.Read(assets)))
            return PackageAssets.Read(assets);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "restore.csproj"), ProjectXml(packages, extraSources));
        log?.Invoke($"restoring {string.Join("; ", packages)}" + (config is null ? "" : $" (config {config})"));
        RunDotnetRestore(folder, config, packages);
        return PackageAssets.Read(assets);
    }

    /// <summary>The NuGet.config nearest to <paramref name="folder"/> (it or an ancestor), or null.</summary>
    public static string? FindConfig(string folder)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(folder)); dir is not null; dir = dir.Parent)
            foreach (var name in ConfigNames)
                if (File.Exists(Path.Combine(dir.FullName, name))) return Path.Combine(dir.FullName, name);
        return null;
    }

    private void RunDotnetRestore(string folder, string? config, IReadOnlyCollection<PackageReference> packages)
    {
        var start = new ProcessStartInfo(DotnetHost(), ["restore", "restore.csproj", "--disable-build-servers", "-v", "q"])
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        if (config is not null) start.ArgumentList.Add("--configfile=" + config);
        if (packagesFolder is not null) start.ArgumentList.Add("--packages=" + packagesFolder);
        // A test host or an SDK command may have set MSBuild variables meant for itself; the child needs its own.
        foreach (var name in new[] { "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
            start.Environment.Remove(name);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet restore");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new NotebookRestoreException(
                $"restoring {string.Join("; ", packages)} failed (config: {config ?? "none found"}):\n{stdout.Result}{stderr.Result}".TrimEnd());
    }

    private static string DotnetHost()
    {
        var self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
    }

    private static bool StillPresent(RestoredPackages restored) =>
        restored.CompileAssemblies.Concat(restored.RuntimeAssemblies).Concat(restored.NativeLibraries).All(File.Exists);

    private string Key(IEnumerable<PackageReference> packages, IEnumerable<string> sources, string? config)
    {
        var text = new StringBuilder(TargetFramework).Append('\n').Append(packagesFolder).Append('\n');
        foreach (var p in packages.OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase)) text.Append(p.Id).Append('/').Append(p.VersionRange).Append('\n');
        foreach (var s in sources.Order(StringComparer.Ordinal)) text.Append(s).Append('\n');
        if (config is not null) text.Append(config).Append('\n').Append(File.ReadAllText(config));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16].ToLowerInvariant();
    }

    private static string TargetFramework => $"net{Environment.Version.Major}.{Environment.Version.Minor}";

    // Explicit SDK imports so that no Directory.Build.props / Directory.Packages.props above the cache applies.
    private static string ProjectXml(IEnumerable<PackageReference> packages, IEnumerable<string> sources) => $"""
        <Project>
          <PropertyGroup>
            <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>
            <ImportDirectoryBuildTargets>false</ImportDirectoryBuildTargets>
            <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>
          </PropertyGroup>
          <Import Project="Sdk.props" Sdk="Microsoft.NET.Sdk" />
          <PropertyGroup>
            <TargetFramework>{TargetFramework}</TargetFramework>
            <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
            <RestoreAdditionalProjectSources>{SecurityElement.Escape(string.Join(";", sources))}</RestoreAdditionalProjectSources>
            <NoWarn>NU1603;NU1701</NoWarn>
          </PropertyGroup>
          <ItemGroup>
        {string.Concat(packages.Select(p => $"    <PackageReference Include=\"{SecurityElement.Escape(p.Id)}\" Version=\"{SecurityElement.Escape(p.VersionRange)}\" />\n"))}  </ItemGroup>
          <Import Project="Sdk.targets" Sdk="Microsoft.NET.Sdk" />
        </Project>
        """;
}

/// <summary>A package restore failed; the message names the packages, the config and NuGet's output.</summary>
public sealed class NotebookRestoreException(string message) : Exception(message);
