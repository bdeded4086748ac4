using System.Reflection;
using System.Runtime.CompilerServices;

namespace SerDarts.Notebooks;

/// <summary>
/// Hands the library's formatters for types it does not own (DataFrame, GenericChart) to .NET Interactive
/// when the library is loaded inside that kernel, where they take precedence over the kernel's defaults.
/// Types SerDarts owns carry <c>[TypeFormatterSource(typeof(SerDartsFormatterSource))]</c> instead. Works by reflection on the kernel's
/// <c>Microsoft.DotNet.Interactive.Formatting.Formatter.Register(Type, Action&lt;object, TextWriter&gt;, string[, bool])</c>,
/// so the library needs no kernel package; outside a kernel it does nothing.
/// </summary>
public static class KernelFormatterBridge
{
    /// <summary>The kernel's formatting assembly, matched by simple name.</summary>
    public const string KernelFormattingAssembly = "Microsoft.DotNet.Interactive.Formatting";

#pragma warning disable CA2255 // registering with a host that is already running is what a library initialiser is for
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void RegisterWhenInKernel()
    {
        try
        {
            var kernel = AppDomain.CurrentDomain.GetAssemblies()
                .FirstOrDefault(a => a.GetName().Name == KernelFormattingAssembly);
            if (kernel is not null) Register(kernel, NotebookFormatters.Default);
        }
        catch (Exception) { /* a kernel whose API moved keeps its own formatting; never fail the load */ }
    }

    /// <summary>
    /// Registers each formatter of <paramref name="formatters"/> whose type has no formatter-source attribute
    /// with the <c>Formatter</c> class of <paramref name="kernelFormatting"/>; returns how many were registered.
    /// </summary>
    public static int Register(Assembly kernelFormatting, NotebookFormatters formatters)
    {
        var formatter = kernelFormatting.GetType(KernelFormattingAssembly + ".Formatter");
        var register = formatter?.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .FirstOrDefault(IsRegisterByType);
        if (register is null) return 0;
        int count = 0;
        foreach (var f in formatters.All.Where(f => !UsesSerDartsSource(f.Type)))
        {
            Action<object, TextWriter> write = (value, writer) => f.Format(value, writer);
            var args = register.GetParameters().Length == 3
                ? new object[] { f.Type, write, f.MimeType }
                : [f.Type, write, f.MimeType, false];
            register.Invoke(null, args);
            count++;
        }
        return count;
    }

    // Register(Type, Action<object, TextWriter>, string mimeType) in current kernels; older ones add a bool.
    private static bool IsRegisterByType(MethodInfo m)
    {
        var p = m.GetParameters();
        return m.Name == "Register" && !m.IsGenericMethod && p.Length is 3 or 4
               && p[0].ParameterType == typeof(Type)
               && p[1].ParameterType == typeof(Action<object, TextWriter>)
               && p[2].ParameterType == typeof(string)
               && (p.Length == 3 || p[3].ParameterType == typeof(bool));
    }

    private static bool UsesSerDartsSource(Type type) =>
        type.GetCustomAttributes<TypeFormatterSourceAttribute>(true)
            .Any(a => a.FormatterSourceType == typeof(SerDartsFormatterSource));
}
