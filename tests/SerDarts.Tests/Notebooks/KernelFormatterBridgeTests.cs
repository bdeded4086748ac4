using System.Reflection;
using System.Runtime.Loader;
using Microsoft.Data.Analysis;
using Plotly.NET;
using SerDarts.Notebooks;

namespace SerDarts.Tests.Notebooks;

public class KernelFormatterBridgeTests
{
    // The kernel's Formatter.Register(Type, Action<object, TextWriter>, string) shape, in a stand-in assembly
    // of the same name that records what it is given.
    private const string FakeKernel = """
        namespace Microsoft.DotNet.Interactive.Formatting
        {
            public static class Formatter
            {
                public static readonly System.Collections.Generic.List<(System.Type Type, System.Action<object, System.IO.TextWriter> Write, string Mime)> Registered = new();
                public static void Register(System.Type type, System.Action<object, System.IO.TextWriter> formatter, string mimeType = "text/plain")
                    => Registered.Add((type, formatter, mimeType));
                public static void Register<T>(System.Func<T, string> formatter, string mimeType = "text/plain") { }
            }
        }
        """;

    [Fact]
    public void Formatters_of_types_the_library_does_not_own_are_registered_with_the_kernel()
    {
        var context = new AssemblyLoadContext("fake-kernel", isCollectible: true);
        var kernel = context.LoadFromStream(new MemoryStream(TestAssemblies.Compile(KernelFormatterBridge.KernelFormattingAssembly, FakeKernel)));

        int count = KernelFormatterBridge.Register(kernel, NotebookFormatters.Default);

        var registered = (System.Collections.IList)kernel.GetType("Microsoft.DotNet.Interactive.Formatting.Formatter")!
            .GetField("Registered")!.GetValue(null)!;
        var entries = registered.Cast<object>().Select(e => ((Type)Field(e, "Item1"), (Action<object, TextWriter>)Field(e, "Item2"), (string)Field(e, "Item3"))).ToList();
        Assert.Equal(count, entries.Count);
        Assert.Contains(entries, e => e.Item1 == typeof(DataFrame) && e.Item3 == "text/html");
        Assert.Contains(entries, e => e.Item1 == typeof(GenericChart) && e.Item3 == "text/html");
        Assert.DoesNotContain(entries, e => e.Item1 == typeof(HtmlContent)); // found through its attribute instead

        var writer = new StringWriter();
        entries.Single(e => e.Item1 == typeof(DataFrame)).Item2(new DataFrame(new PrimitiveDataFrameColumn<int>("epoch", [3])), writer);
        Assert.Contains("<th>epoch</th>", writer.ToString());
        context.Unload();
    }

    [Fact]
    public void An_assembly_without_the_kernels_formatter_registers_nothing()
    {
        Assert.Equal(0, KernelFormatterBridge.Register(typeof(KernelFormatterBridgeTests).Assembly, NotebookFormatters.Default));
    }

    private static object Field(object tuple, string name) =>
        tuple.GetType().GetField(name, BindingFlags.Public | BindingFlags.Instance)!.GetValue(tuple)!;
}
