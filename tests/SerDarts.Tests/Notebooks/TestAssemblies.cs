using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SerDarts.Tests.Notebooks;

/// <summary>Compiles small assemblies for tests (a DLL to #r, a package's content, a fake kernel).</summary>
internal static class TestAssemblies
{
    /// <summary>Compiles against the framework and <paramref name="references"/> (assemblies of this test host).</summary>
    public static byte[] Compile(string assemblyName, string source, params System.Reflection.Assembly[] references)
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var metadata = new[] { "System.Private.CoreLib.dll", "System.Runtime.dll", "System.Collections.dll", "System.Threading.Tasks.dll", "netstandard.dll" }
            .Select(f => MetadataReference.CreateFromFile(Path.Combine(framework, f)))
            .Concat(references.Select(a => MetadataReference.CreateFromFile(a.Location)));
        var compilation = CSharpCompilation.Create(assemblyName, [CSharpSyntaxTree.ParseText(source)], metadata,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return stream.ToArray();
    }

    public static string CompileTo(string path, string assemblyName, string source)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Compile(assemblyName, source));
        return path;
    }
}
