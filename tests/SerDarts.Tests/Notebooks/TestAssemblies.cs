using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SerDarts.Tests.Notebooks;

/// <summary>Compiles small assemblies for tests (a DLL to #r, a package's content, a fake kernel).</summary>
internal static class TestAssemblies
{
    public static byte[] Compile(string assemblyName, string source)
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = new[] { "System.Private.CoreLib.dll", "System.Runtime.dll", "System.Collections.dll" }
            .Select(f => MetadataReference.CreateFromFile(Path.Combine(framework, f)));
        var compilation = CSharpCompilation.Create(assemblyName, [CSharpSyntaxTree.ParseText(source)], references,
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
