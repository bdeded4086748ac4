using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using SerDarts.Notebooks;
using SerDarts.Runtime;

namespace SerDarts.Interactive;

/// <summary>
/// Loaded by .NET Interactive when a notebook adds the SerDarts package (VS Code, Jupyter and
/// <c>serdarts notebook run</c> alike). It loads TorchSharp's native backend before any cell can touch
/// <c>torch</c> (TorchSharp's own loader fails on Debian 12 / Ubuntu 22.04, and a failed load cannot be
/// retried in the same process), registers SerDarts' views with the kernel's formatter (text/html, and
/// image/svg+xml beside it for views with charts), and writes the plotly.js loader that every chart uses
/// (<see cref="NotebookPlotly"/>) under the cell that added the package, once per kernel session.
/// </summary>
public sealed class SerDartsKernelExtension : IKernelExtension
{
    public Task OnLoadAsync(Kernel kernel)
    {
        var source = NotebookPlotly.SourceFromEnvironment(out var problem);
        var plotly = new PlotlyDelivery(NotebookPlotly.Loader(source));
        Register(NotebookFormatters.Default, plotly);
        var context = KernelInvocationContext.Current;
        if (problem is not null) Error(context, problem);
        try { TorchRuntime.Initialize(); }
        catch (TorchRuntimeException e)
        {
            // Shown under the setup cell. Not thrown: an extension that throws leaves the real kernel (1.0.712001)
            // without an answer to the cell under Jupyter (measured: nbconvert timed out on the setup cell).
            Error(context, e.Message);
        }
        if (context is not null)
        {
            plotly.DeliverWith(Root(context.Command));
            context.Publish(plotly.Output(context.Command));
            // Running the package's cell again replaces its outputs, the loader among them: write it again there. The
            // kernel splits a submission into its directives and code before the pipeline, so the middleware sees the
            // parts; their root is the cell's submission.
            foreach (var k in new[] { kernel, kernel.RootKernel ?? kernel }.Distinct())
                k.AddMiddleware(async (command, invocation, next) =>
                {
                    if (Root(command) is SubmitCode submit && plotly.TakeRerunOfDeliveringCell(submit)) invocation.Publish(plotly.Output(command));
                    await next(command, invocation);
                });
        }
        return Task.CompletedTask;
    }

    /// <summary>Registers each view; plotly.js comes from a loader written elsewhere (a test, or a page that carries it).</summary>
    public static void Register(NotebookFormatters formatters) => Register(formatters, plotly: null);

    /// <summary>
    /// Registers each formatter as the kernel's rendering of its type and MIME type; a type's preferred MIME types
    /// are text/html, then image/svg+xml where it has both, so one display carries both. Where the loader was not
    /// written under the package's cell (no invocation context at load), the first chart output carries it.
    /// </summary>
    internal static void Register(NotebookFormatters formatters, PlotlyDelivery? plotly)
    {
        foreach (var group in formatters.All.GroupBy(f => f.Type))
        {
            var charts = group.Any(f => f.MimeType == NotebookMimeTypes.Svg);
            foreach (var formatter in group)
            {
                var f = formatter; // captured per formatter
                var carriesLoader = charts && plotly is not null && f.MimeType == NotebookMimeTypes.Html;
                Formatter.Register(f.Type, (value, context) =>
                {
                    if (carriesLoader && plotly!.TakeUndelivered() is { } loader) context.Writer.Write(loader);
                    return f.Format(value, context.Writer);
                }, f.MimeType);
            }
            Formatter.SetPreferredMimeTypesFor(group.Key, group.Select(f => f.MimeType).Distinct()
                .OrderBy(m => m == NotebookMimeTypes.Html ? 0 : 1).ToArray());
        }
    }

    private static KernelCommand Root(KernelCommand command)
    {
        while (command.Parent is { } parent) command = parent;
        return command;
    }

    private static void Error(KernelInvocationContext? context, string message)
    {
        if (context is not null)
            context.Publish(new StandardErrorValueProduced(context.Command, [new FormattedValue(PlainTextFormatter.MimeType, message + "\n")]));
    }
}
