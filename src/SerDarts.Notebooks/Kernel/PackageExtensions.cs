using System.Collections.Concurrent;
using System.Runtime.Loader;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;

namespace SerDarts.NotebookHost.Kernel;

/// <summary>
/// Loads the kernel extensions a package carries under <c>interactive-extensions/dotnet</c> once the cell that
/// added it has run, as the dotnet-interactive tool does (its loader is part of the tool, not of a package):
/// every <see cref="IKernelExtension"/> in the folder's assemblies, then an <c>extension.dib</c> script.
/// SerDarts' own extension loads torch and registers its HTML views this way; Microsoft.Data.Analysis' extension
/// its DataFrame view.
/// </summary>
internal static class PackageExtensions
{
    public static void LoadFromAddedPackages(CompositeKernel kernel)
    {
        var added = new ConcurrentQueue<string>();
        var seen = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        kernel.RegisterForDisposal(kernel.KernelEvents.Subscribe(e =>
        {
            if (e is PackageAdded { PackageReference.PackageRoot: { } root } && seen.TryAdd(root, true)) added.Enqueue(root);
        }));
        kernel.AddMiddleware(async (command, context, next) =>
        {
            await next(command, context);
            while (added.TryDequeue(out var root))
            {
                var folder = new DirectoryInfo(Path.Combine(root, "interactive-extensions", "dotnet"));
                if (folder.Exists) await LoadAsync(folder, kernel, context);
            }
        });
    }

    private static async Task LoadAsync(DirectoryInfo folder, CompositeKernel kernel, KernelInvocationContext context)
    {
        foreach (var file in folder.GetFiles("*.dll"))
        {
            var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(file.FullName);
            var extensions = assembly.ExportedTypes
                .Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false } && typeof(IKernelExtension).IsAssignableFrom(t))
                .ToList();
            if (extensions.Count > 0) KernelInvocationContextExtensions.Display(context, $"Loading extensions from `{assembly.Location}`");
            foreach (var type in extensions)
            {
                try { await ((IKernelExtension)Activator.CreateInstance(type)!).OnLoadAsync(kernel); }
                catch (Exception e)
                {
                    context.Publish(new ErrorProduced($"Failed to load kernel extension \"{type.Name}\" from assembly {assembly.Location}", context.Command));
                    context.Fail(context.Command, new KernelExtensionLoadException(e));
                }
            }
        }
        var script = new FileInfo(Path.Combine(folder.FullName, "extension.dib"));
        if (script.Exists)
        {
            KernelInvocationContextExtensions.Display(context, $"Loading extension script from `{script.FullName}`");
            await kernel.LoadAndRunInteractiveDocument(script, context.Command);
        }
    }
}
