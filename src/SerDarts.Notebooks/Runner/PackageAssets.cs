using System.Runtime.InteropServices;
using System.Text.Json.Nodes;

namespace SerDarts.Notebooks.Runner;

/// <summary>Reads the assets NuGet resolved for a restore (obj/project.assets.json) for this platform.</summary>
public static class PackageAssets
{
    public static RestoredPackages Read(string assetsFile)
    {
        var root = JsonNode.Parse(File.ReadAllText(assetsFile))!.AsObject();
        var folders = (root["packageFolders"] as JsonObject)?.Select(p => p.Key).ToList() ?? [];
        var libraries = root["libraries"]!.AsObject();
        var target = root["targets"]!.AsObject().First().Value!.AsObject(); // one TFM, no RID
        var rids = RidFallbacks();
        var compile = new List<string>();
        var runtime = new List<string>();
        var native = new List<string>();
        foreach (var (key, node) in target)
        {
            if (node?["type"]?.GetValue<string>() != "package") continue;
            var folder = PackageFolder(folders, libraries[key]?["path"]?.GetValue<string>() ?? key.ToLowerInvariant());
            compile.AddRange(Files(node["compile"], folder));
            var ridRuntime = RidAssets(node, "runtime", rids, folder);
            runtime.AddRange(ridRuntime.Count > 0 ? ridRuntime : Files(node["runtime"], folder));
            native.AddRange(RidAssets(node, "native", rids, folder));
        }
        return new RestoredPackages(compile, runtime, native);
    }

    /// <summary>This platform's RID first, then its portable and family fallbacks (linux-x64, linux, unix, any).</summary>
    public static IReadOnlyList<string> RidFallbacks()
    {
        string os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
        string arch = RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();
        return new[] { RuntimeInformation.RuntimeIdentifier, $"{os}-{arch}", os, OperatingSystem.IsWindows() ? "win" : "unix", "any" }
            .Distinct().ToList();
    }

    private static IEnumerable<string> Files(JsonNode? assets, string folder) =>
        (assets as JsonObject)?.Select(p => p.Key)
            .Where(f => !f.EndsWith("/_._", StringComparison.Ordinal) && f != "_._")
            .Select(f => Path.Combine(folder, f)) ?? [];

    /// <summary>runtimeTargets of one asset type for the most specific RID that has any.</summary>
    private static List<string> RidAssets(JsonNode package, string assetType, IReadOnlyList<string> rids, string folder)
    {
        var candidates = (package["runtimeTargets"] as JsonObject)?
            .Where(p => p.Value?["assetType"]?.GetValue<string>() == assetType)
            .Select(p => (File: p.Key, Rid: p.Value?["rid"]?.GetValue<string>() ?? ""))
            .ToList() ?? [];
        var best = rids.FirstOrDefault(r => candidates.Any(c => c.Rid == r));
        return best is null ? [] : candidates.Where(c => c.Rid == best).Select(c => Path.Combine(folder, c.File)).ToList();
    }

    private static string PackageFolder(IReadOnlyList<string> folders, string relative) =>
        folders.Select(f => Path.Combine(f, relative)).FirstOrDefault(Directory.Exists)
        ?? Path.Combine(folders.FirstOrDefault() ?? "", relative);
}
