using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Formatting;
using SerDarts.Notebooks;
using SerDarts.Runtime;

namespace SerDarts.Interactive;

/// <summary>
/// Loaded by .NET Interactive when a notebook adds the SerDarts package (VS Code, Jupyter and
/// <c>serdarts notebook run</c> alike). It loads TorchSharp's native backend before any cell can touch
/// <c>torch</c> (TorchSharp's own loader fails on Debian 12 / Ubuntu 22.04, and a failed load cannot be
/// retried in the same process), then registers SerDarts' HTML views with the kernel's formatter.
/// </summary>
public sealed class SerDartsKernelExtension : IKernelExtension
{
    public Task OnLoadAsync(Kernel kernel)
    {
        TorchRuntime.Initialize(); // throws with the reason in one sentence; the kernel fails the cell with it
        Register(NotebookFormatters.Default);
        return Task.CompletedTask;
    }

    /// <summary>Registers each formatter as the kernel's text/html rendering of its type, preferred over the kernel's default.</summary>
    public static void Register(NotebookFormatters formatters)
    {
        foreach (var formatter in formatters.All)
        {
            var f = formatter; // captured per formatter
            Formatter.Register(f.Type, (value, context) => f.Format(value, context.Writer), f.MimeType);
            Formatter.SetPreferredMimeTypesFor(f.Type, f.MimeType);
        }
    }
}
