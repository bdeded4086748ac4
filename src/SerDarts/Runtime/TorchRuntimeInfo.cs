namespace SerDarts.Runtime;

/// <summary>How the native torch backend was loaded in this process.</summary>
/// <param name="NativeFolder">Folder libtorch was loaded from.</param>
/// <param name="LibTorchSharpPath">The LibTorchSharp binary in use (the original or SerDarts' patched copy).</param>
/// <param name="CompatibilityPatchUsed">True when the host libstdc++ lacked versions LibTorchSharp asks for.</param>
/// <param name="WeakenedVersions">The symbol versions marked weak in the patched copy.</param>
public sealed record TorchRuntimeInfo(
    string NativeFolder,
    string LibTorchSharpPath,
    bool CompatibilityPatchUsed,
    IReadOnlyList<string> WeakenedVersions)
{
    /// <summary>How OpenMP threads wait (<see cref="OpenMpPolicy"/>): what SerDarts set, or what the user had set.</summary>
    public string OpenMpWaitPolicy { get; init; } = "default";
}
