using System.Runtime.InteropServices;

namespace SerDarts.Runtime;

/// <summary>
/// The C library's environment, which native code (libgomp, ATen, oneDNN, MKL) reads with getenv. .NET's
/// <see cref="Environment.SetEnvironmentVariable(string, string)"/> changes only .NET's own copy on Linux.
/// </summary>
internal static class NativeEnvironment
{
    public static string? Get(string name) => Marshal.PtrToStringUTF8(getenv(name)) is { Length: > 0 } value ? value : null;

    /// <summary>Sets <paramref name="name"/>; with <paramref name="overwrite"/> false an existing value stays. False on failure.</summary>
    public static bool Set(string name, string value, bool overwrite = true) => setenv(name, value, overwrite ? 1 : 0) == 0;

    public static void Unset(string name) => unsetenv(name);

    [DllImport("libc", CharSet = CharSet.Ansi)]
    private static extern IntPtr getenv(string name);

    [DllImport("libc", CharSet = CharSet.Ansi)]
    private static extern int setenv(string name, string value, int overwrite);

    [DllImport("libc", CharSet = CharSet.Ansi)]
    private static extern int unsetenv(string name);
}
