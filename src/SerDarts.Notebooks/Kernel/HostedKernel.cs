using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace SerDarts.NotebookHost.Kernel;

/// <summary>
/// The .NET Interactive C# kernel, hosted in this process and set up as the dotnet-interactive tool sets it up
/// for Jupyter: <c>#r "nuget:"</c> (restored through the NuGet.config found from the working directory upwards),
/// the kernel helpers (<c>display</c>), the kernel extensions that packages carry, and HTML as the default
/// rendering of objects (strings stay plain text).
/// </summary>
public sealed class HostedKernel : IDisposable
{
    private readonly CompositeKernel _kernel;
    private readonly CSharpKernel _csharp;

    public HostedKernel()
    {
        _csharp = new CSharpKernel()
            .UseNugetDirective((kernel, packages) =>
            {
                kernel.AddAssemblyReferences(packages.SelectMany(p => p.AssemblyPaths));
                return Task.CompletedTask;
            })
            .UseKernelHelpers();
        _kernel = new CompositeKernel { _csharp };
        _kernel.DefaultKernelName = _csharp.Name;
        PackageExtensions.LoadFromAddedPackages(_kernel);
        // What the tool does for Jupyter and VS Code front ends (KernelBuilder.SetUpFormatters).
        Formatter.DefaultMimeType = HtmlFormatter.MimeType;
        Formatter.SetPreferredMimeTypesFor(typeof(string), PlainTextFormatter.MimeType);
    }

    /// <summary>Runs one cell; the events it produced, in order, end with CommandSucceeded or CommandFailed.</summary>
    public async Task<IReadOnlyList<KernelEvent>> SubmitAsync(string code, CancellationToken cancellation)
    {
        var result = await _kernel.SendAsync(new SubmitCode(code, _csharp.Name), cancellation);
        return result.Events;
    }

    public void Dispose() => _kernel.Dispose();
}
