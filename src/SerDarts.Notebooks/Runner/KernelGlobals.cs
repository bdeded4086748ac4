namespace SerDarts.Notebooks.Runner;

/// <summary>
/// The globals every cell sees, as in the C# kernel: <c>display(value, mimeTypes)</c>. Public because
/// Roslyn compiles scripts against it; the lower-case name is the kernel's.
/// </summary>
public sealed class KernelGlobals
{
    private readonly MimeBundles _bundles;

    internal KernelGlobals(MimeBundles bundles) => _bundles = bundles;

    /// <summary>The running cell's outputs (set by the kernel around each cell).</summary>
    internal CellOutputs? Outputs { get; set; }

    /// <summary>Shows <paramref name="value"/> as a display_data output of the running cell.</summary>
#pragma warning disable IDE1006 // the kernel's global is lower-case
    public void display(object? value, params string[] mimeTypes) =>
        (Outputs ?? throw new InvalidOperationException("display() called outside a running cell"))
        .AddDisplay(_bundles.For(value, mimeTypes));
#pragma warning restore IDE1006
}
