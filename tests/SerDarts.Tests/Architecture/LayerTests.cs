using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SerDarts.Tests.Architecture;

/// <summary>
/// The library's folders are layers that only depend downwards (docs/architecture.md):
/// Runtime -> Statistics and Audio (side by side) -> Corpora -> Features -> Networks -> Runs -> Training and Search
/// (side by side) -> Experiments -> Reporting -> Notebooks; layers side by side may not refer to each other. Every
/// name in the library's source is bound with Roslyn's semantic model, so a reference through a using, a qualified name, a member access or a target-typed <c>new()</c> all count.
/// </summary>
public class LayerTests
{
    private static readonly IReadOnlyDictionary<string, int> Rank = new Dictionary<string, int>
    {
        ["Runtime"] = 0, ["Statistics"] = 1, ["Audio"] = 1, ["Corpora"] = 2, ["Features"] = 3, ["Networks"] = 4,
        ["Runs"] = 5, ["Training"] = 6, ["Search"] = 6, ["Experiments"] = 7, ["Reporting"] = 8, ["Notebooks"] = 9,
    };

    /// <summary>The library's sources, parsed and referenced once for both checks.</summary>
    private static readonly Lazy<CSharpCompilation> Library = new(() => CSharpCompilation.Create("layers",
        LibrarySources().Select(s => Parse(s.Path, s.Text)), References(),
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)));

    [Fact]
    public void No_namespace_refers_to_a_higher_layer()
    {
        var violations = Violations(Library.Value, Library.Value.SyntaxTrees);
        Assert.True(violations.Count == 0, "upward references:\n" + string.Join("\n", violations.Take(40)));
    }

    [Fact]
    public void The_check_finds_an_upward_reference()
    {
        // A features type that reads an experiment spec: the check must catch it, by using or by qualified name.
        var planted = """
            using SerDarts.Experiments.Specs;
            namespace SerDarts.Features;
            internal static class Planted
            {
                public static string Name(ExperimentSpec spec) => spec.Name;
                public static string Corpus() => new SerDarts.Corpora.CorpusSpec().Name; // downward: allowed
                public static object Runner() => typeof(SerDarts.Reporting.ReportBuilder);
            }
            """;
        var tree = Parse("Planted.cs", planted);
        var violations = Violations(Library.Value.AddSyntaxTrees(tree), [tree]);
        Assert.Contains(violations, v => v.Contains("Planted.cs") && v.Contains("Features -> Experiments"));
        Assert.Contains(violations, v => v.Contains("Planted.cs") && v.Contains("Features -> Reporting"));
        Assert.DoesNotContain(violations, v => v.Contains("Features -> Corpora"));
    }

    [Fact]
    public void Every_library_folder_has_a_layer()
    {
        var folders = Directory.GetDirectories(LibraryFolder()).Select(Path.GetFileName)
            .Where(name => name is not ("bin" or "obj" or "Properties")).ToList();
        Assert.All(folders, folder => Assert.True(Rank.ContainsKey(folder!), $"src/SerDarts/{folder} has no layer in LayerTests (and docs/architecture.md)"));
    }

    [Fact]
    public void No_two_subfolders_of_experiments_refer_to_each_other()
    {
        var cycles = SubfolderCycles(Library.Value, Library.Value.SyntaxTrees, "Experiments");
        Assert.True(cycles.Count == 0, "Experiments subfolders in a cycle:\n" + string.Join("\n", cycles.Take(40)));
    }

    [Fact]
    public void The_check_finds_a_cycle_between_subfolders()
    {
        // A spec type that reads the runner: the runner uses specs, so Specs and Execution would refer to each other.
        var planted = """
            namespace SerDarts.Experiments.Specs;
            internal static class PlantedCycle
            {
                public static object Runner() => typeof(SerDarts.Experiments.Execution.ExperimentRunner);
            }
            """;
        var tree = Parse("PlantedCycle.cs", planted);
        var compilation = Library.Value.AddSyntaxTrees(tree);
        var cycles = SubfolderCycles(compilation, compilation.SyntaxTrees, "Experiments");
        Assert.Contains(cycles, c => c.Contains("PlantedCycle.cs") && c.Contains("Specs -> Execution"));
        Assert.Contains(cycles, c => c.StartsWith("Execution -> Specs", StringComparison.Ordinal));
    }

    /// <summary>Every reference between two subfolders (namespaces SerDarts.{layer}.X) of <paramref name="layer"/> whose
    /// target reaches its source back through such references: one line per edge of a cycle, with its first place.
    /// The layer's own namespace (types outside any subfolder) counts as the subfolder "(root)".</summary>
    private static List<string> SubfolderCycles(CSharpCompilation compilation, IEnumerable<SyntaxTree> trees, string layer)
    {
        var edges = new SortedDictionary<(string From, string To), string>();
        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetCompilationUnitRoot().DescendantNodes())
            {
                if (Subfolder(model.GetEnclosingSymbol(node.SpanStart)?.ContainingNamespace, layer) is not { } from) continue;
                if (Subfolder(Target(model, node), layer) is not { } to || to == from) continue;
                var line = tree.GetLineSpan(node.Span).StartLinePosition.Line + 1;
                edges.TryAdd((from, to), $"{Path.GetFileName(tree.FilePath)}:{line} ({node})");
            }
        }
        var next = edges.Keys.ToLookup(e => e.From, e => e.To);
        bool Reaches(string start, string goal)
        {
            var seen = new HashSet<string> { start };
            var stack = new Stack<string>([start]);
            while (stack.TryPop(out var here))
            {
                if (here == goal) return true;
                foreach (var to in next[here]) if (seen.Add(to)) stack.Push(to);
            }
            return false;
        }
        return [.. edges.Where(e => Reaches(e.Key.To, e.Key.From)).Select(e => $"{e.Key.From} -> {e.Key.To} {e.Value}")];
    }

    /// <summary>"Specs" for SerDarts.{layer}.Specs(.X), "(root)" for SerDarts.{layer}; null elsewhere.</summary>
    private static string? Subfolder(INamespaceSymbol? ns, string layer)
    {
        var parts = ns?.ToDisplayString().Split('.') ?? [];
        return parts.Length >= 2 && parts[0] == "SerDarts" && parts[1] == layer ? (parts.Length > 2 ? parts[2] : "(root)") : null;
    }

    private static SyntaxTree Parse(string path, string text) =>
        CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), path);

    /// <summary>Every reference from <paramref name="trees"/> (part of <paramref name="compilation"/>) to a higher layer.</summary>
    private static List<string> Violations(CSharpCompilation compilation, IEnumerable<SyntaxTree> trees)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            var root = tree.GetCompilationUnitRoot();
            foreach (var node in root.DescendantNodes())
            {
                var here = model.GetEnclosingSymbol(node.SpanStart)?.ContainingNamespace;
                if (Layer(here) is not { } from) continue;
                if (Layer(Target(model, node)) is not { } to || to == from || Rank[to] < Rank[from]) continue;
                var line = tree.GetLineSpan(node.Span).StartLinePosition.Line + 1;
                found.Add($"{Path.GetFileName(tree.FilePath)}:{line} {from} -> {to} ({node})");
            }
        }
        return [.. found];
    }

    /// <summary>The namespace <paramref name="node"/> refers to (a name's, or a target-typed <c>new()</c>'s type's); null for other nodes.</summary>
    private static INamespaceSymbol? Target(SemanticModel model, SyntaxNode node)
    {
        var symbol = node switch
        {
            SimpleNameSyntax name => model.GetSymbolInfo(name).Symbol ?? model.GetSymbolInfo(name).CandidateSymbols.FirstOrDefault(),
            ImplicitObjectCreationExpressionSyntax created => model.GetTypeInfo(created).Type,
            _ => null,
        };
        return symbol switch
        {
            INamespaceSymbol ns => ns,
            ITypeSymbol type => type.ContainingNamespace,
            { ContainingType: { } type } => type.ContainingNamespace,
            _ => null,
        };
    }

    /// <summary>"Features" for SerDarts.Features(.X); null outside the library's layers.</summary>
    private static string? Layer(INamespaceSymbol? ns)
    {
        var parts = ns?.ToDisplayString().Split('.') ?? [];
        return parts.Length >= 2 && parts[0] == "SerDarts" && Rank.ContainsKey(parts[1]) ? parts[1] : null;
    }

    private static IEnumerable<(string Path, string Text)> LibrarySources() =>
        Directory.EnumerateFiles(LibraryFolder(), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(p => (p, File.ReadAllText(p)));

    private static string LibraryFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SerDarts.sln"))) return Path.Combine(dir.FullName, "src", "SerDarts");
        throw new DirectoryNotFoundException("SerDarts.sln not found above the test output folder");
    }

    /// <summary>The framework and every assembly next to the tests (TorchSharp, Plotly.NET, ...), but not SerDarts
    /// itself: its types must bind to the sources under test.</summary>
    private static IEnumerable<MetadataReference> References()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var local = Directory.GetFiles(AppContext.BaseDirectory, "*.dll").Where(p => !Path.GetFileName(p).StartsWith("SerDarts", StringComparison.Ordinal));
        return platform.Concat(local).Distinct().Where(File.Exists).Select(p => MetadataReference.CreateFromFile(p));
    }
}
