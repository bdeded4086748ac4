using System.Diagnostics;

namespace SerDarts.Tests.Notebooks;

/// <summary>Debian's python3-nbformat, the validator CI uses (installed by .ci/install-deps).</summary>
internal static class Nbformat
{
    // /usr/bin first: a pyenv or virtualenv python3 earlier on PATH does not see Debian's packages.
    private static readonly string Python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    public static bool Available { get; } = Run("-c", "import nbformat").ExitCode == 0;

    /// <summary>Validates a notebook file; returns the validator's exit code and output.</summary>
    public static (int ExitCode, string Output) Validate(string path) => Run("-c",
        "import nbformat,sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4)); print('valid')", path);

    private static (int ExitCode, string Output) Run(params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(Python, args) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}

/// <summary>A fact that is skipped, saying why, when python3-nbformat is not installed.</summary>
public sealed class NbformatFactAttribute : FactAttribute
{
    public NbformatFactAttribute()
    {
        if (!Nbformat.Available) Skip = "python3-nbformat is not installed (run .ci/install-deps)";
    }
}
