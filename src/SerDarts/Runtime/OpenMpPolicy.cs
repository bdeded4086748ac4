namespace SerDarts.Runtime;

/// <summary>
/// How libtorch's OpenMP threads wait at the end of a parallel region. libgomp's default spins for a while
/// before sleeping; when another busy process shares the cores, a spinning thread burns the time slice its
/// descheduled peer needs, and a 2-thread torch run slows 5-18x instead of by its share of the CPU. Passive
/// waiting (threads sleep at once) keeps the slowdown near that share (docs/arch/runtime.md has the measurement).
/// libgomp reads the variable once, when it is loaded, so it is set before libtorch loads, in the native
/// environment (.NET's Environment.SetEnvironmentVariable does not reach getenv on Linux). A value the user set
/// (OMP_WAIT_POLICY or GOMP_SPINCOUNT) is left alone.
/// </summary>
public static class OpenMpPolicy
{
    public const string Variable = "OMP_WAIT_POLICY";
    public const string Default = "PASSIVE";

    /// <summary>Sets the wait policy unless the user chose one; returns the policy in force.</summary>
    public static string Apply()
    {
        if (!OperatingSystem.IsLinux()) return "default";
        if (NativeEnvironment.Get(Variable) is { } chosen) return chosen;
        if (NativeEnvironment.Get("GOMP_SPINCOUNT") is { } spins) return $"GOMP_SPINCOUNT={spins}";
        return NativeEnvironment.Set(Variable, Default, overwrite: false) ? Default : "default";
    }
}
