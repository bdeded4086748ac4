using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;
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
        Register(NotebookFormatters.Default);
        try { TorchRuntime.Initialize(); }
        catch (TorchRuntimeException e)
        {
            // Shown under the setup cell. Not thrown: an extension that throws leaves the real kernel (1.0.712001)
            // without an answer to the cell under Jupyter (measured: nbconvert timed out on the setup cell).
            if (KernelInvocationContext.Current is { } context)
                context.Publish(new StandardErrorValueProduced(context.Command, [new FormattedValue(PlainTextFormatter.MimeType, e.Message + "\n")]));
        }
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
