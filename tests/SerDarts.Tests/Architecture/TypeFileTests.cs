using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SerDarts.Tests.Architecture;

/// <summary>
/// One public type per file, named after it (docs/architecture.md), so a newcomer finds a type by its name. Partial
/// types may spread over <c>Name.Part.cs</c> files. Checked for every project under src/.
/// </summary>
public class TypeFileTests
{
    [Fact]
    public void Every_public_top_level_type_lives_in_a_file_named_after_it()
    {
        var violations = SourceFiles().SelectMany(p => Violations(p, File.ReadAllText(p))).ToList();
        Assert.True(violations.Count == 0, "public types not named after their file:\n" + string.Join("\n", violations.Take(40)));
    }

    [Fact]
    public void The_check_finds_a_second_public_type_and_accepts_partials_and_internal_helpers()
    {
        const string planted = """
            namespace SerDarts.Features;
            public sealed record Planted(int A);
            public enum PlantedKind { One }
            internal static class Helper { }
            """;
        Assert.Equal(["Planted.cs: PlantedKind"], Violations("/src/SerDarts/Features/Planted.cs", planted));
        Assert.Empty(Violations("/src/SerDarts/Features/Planted.Parts.cs", "namespace X;\npublic partial class Planted { }"));
        Assert.Single(Violations("/src/SerDarts/Features/Other.cs", "namespace X { public class Planted { } }"));
    }

    private static IEnumerable<string> Violations(string path, string text)
    {
        var stem = Path.GetFileNameWithoutExtension(path).Split('.')[0];
        var root = CSharpSyntaxTree.ParseText(text).GetRoot();
        var topLevel = root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
            .OfType<MemberDeclarationSyntax>()
            .Where(m => m is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax && m.Modifiers.Any(SyntaxKind.PublicKeyword));
        foreach (var member in topLevel)
        {
            var name = member switch { BaseTypeDeclarationSyntax t => t.Identifier.Text, DelegateDeclarationSyntax d => d.Identifier.Text, _ => "" };
            if (name != stem) yield return $"{Path.GetFileName(path)}: {name}";
        }
    }

    private static IEnumerable<string> SourceFiles()
    {
        var sep = Path.DirectorySeparatorChar;
        return Directory.EnumerateFiles(SourceFolder(), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{sep}obj{sep}") && !p.Contains($"{sep}bin{sep}"));
    }

    private static string SourceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SerDarts.sln"))) return Path.Combine(dir.FullName, "src");
        throw new DirectoryNotFoundException("SerDarts.sln not found above the test output folder");
    }
}
