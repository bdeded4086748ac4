using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using SerDarts.Notebooks.Documents;

namespace SerDarts.Notebooks.Runner;

/// <summary>
/// A C# kernel for one notebook, on Roslyn scripting as .NET Interactive's is: the first cell runs with
/// <c>CSharpScript.RunAsync</c>, later ones continue its state (so variables may be redeclared and
/// top-level await works), with the kernel's default imports and <c>display()</c>. A failed cell keeps the
/// state up to the failure. Package directives are restored before the cell compiles.
/// </summary>
public sealed class ScriptKernel : IDisposable
{
    /// <summary>The namespaces the C# kernel imports into every cell.</summary>
    public static readonly IReadOnlyList<string> DefaultImports =
        ["System", "System.Text", "System.Collections", "System.Collections.Generic", "System.Threading.Tasks", "System.Linq"];

    private readonly string _folder;
    private readonly NuGetRestorer _restorer;
    private readonly HostAssemblies _host = new();
    private readonly MimeBundles _bundles;
    private readonly KernelGlobals _globals;
    private readonly Dictionary<string, PackageReference> _packages = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _sources = [];
    private readonly HashSet<string> _referenced = new(StringComparer.Ordinal);
    private ScriptOptions _options;
    private ScriptState<object>? _state;

    public ScriptKernel(string notebookFolder, NotebookFormatters formatters, NuGetRestorer restorer)
    {
        _folder = Path.GetFullPath(notebookFolder);
        _restorer = restorer;
        _bundles = new MimeBundles(formatters);
        _globals = new KernelGlobals(_bundles);
        _options = ScriptOptions.Default
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithReferences(_host.FrameworkAssemblies().Select(p => MetadataReference.CreateFromFile(p)))
            .WithImports(DefaultImports)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(_folder))
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(_folder))
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8);
    }

    /// <summary>The declared type of a script variable (the latest declaration), or null if none exists.</summary>
    public Type? VariableType(string name) => _state?.GetVariable(name)?.Type;

    /// <summary>Runs one cell; <paramref name="cellName"/> names it in diagnostics and stack traces.</summary>
    public async Task<CellResult> RunAsync(string source, string cellName, CancellationToken cancellation = default)
    {
        var outputs = new CellOutputs();
        Exception? error = null;
        try
        {
            var directives = CellDirectives.Parse(source);
            AddPackages(directives);
            var options = _options.WithFilePath(Path.Combine(_folder, cellName + ".csx"));
            _globals.Outputs = outputs;
            using (ConsoleCapture.Into(outputs))
            {
                _state = _state is null
                    ? await CSharpScript.Create(directives.Code, options, typeof(KernelGlobals)).RunAsync(_globals, _ => true, cancellation)
                    : await _state.ContinueWithAsync(directives.Code, options, _ => true, cancellation);
            }
            error = _state.Exception;
            if (error is null && EndsInValue(_state.Script))
                outputs.AddDisplay(_bundles.For(_state.ReturnValue, []));
        }
        catch (Exception e) when (e is CompilationErrorException or NotebookRestoreException)
        {
            error = e;
        }
        finally
        {
            _globals.Outputs = null;
        }
        if (error is not null) outputs.AddError(ErrorOutput(error));
        return new CellResult(outputs.ToJson(), error);
    }

    public void Dispose() => _host.Dispose();

    private void AddPackages(CellDirectives directives)
    {
        if (directives.Packages.Count == 0 && directives.Sources.Count == 0) return;
        foreach (var source in directives.Sources)
            _sources.Add(Directory.Exists(Path.Combine(_folder, source)) ? Path.GetFullPath(Path.Combine(_folder, source)) : source);
        foreach (var package in directives.Packages)
        {
            if (_packages.TryGetValue(package.Id, out var loaded) && loaded.VersionRange != package.VersionRange)
                throw new NotebookRestoreException(
                    $"package {package.Id} is already loaded at version {loaded.VersionRange}; it cannot change to {package.VersionRange} in the same run");
            _packages[package.Id] = package;
        }
        if (directives.Packages.Count == 0) return;
        var restored = _restorer.Restore(_packages.Values.ToList(), _sources, _folder);
        var fresh = _host.Add(restored).Where(_referenced.Add).ToList();
        _options = _options.AddReferences(fresh.Select(p => MetadataReference.CreateFromFile(p)));
    }

    /// <summary>
    /// Whether the cell ends in an expression without a semicolon that has a value (not void): only then
    /// does the kernel show the cell's value.
    /// </summary>
    private static bool EndsInValue(Script script)
    {
        var compilation = script.GetCompilation();
        var tree = compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == script.Options.FilePath)
                   ?? compilation.SyntaxTrees.Last();
        if (tree.GetCompilationUnitRoot().Members.LastOrDefault() is not GlobalStatementSyntax
            {
                Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } statement,
            })
            return false;
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }

    /// <summary>An nbformat error output: exception type, message and stack (or the compiler's diagnostics).</summary>
    public static System.Text.Json.Nodes.JsonObject ErrorOutput(Exception error)
    {
        error = Unwrap(error);
        if (error is CompilationErrorException compile)
        {
            var diagnostics = compile.Diagnostics.Select(d => d.ToString()).ToList();
            return NotebookOutputs.Error(nameof(CompilationErrorException), string.Join("\n", diagnostics), diagnostics);
        }
        return NotebookOutputs.Error(error.GetType().Name, error.Message, Traceback(error));
    }

    /// <summary>The exception's lines, without the scripting engine's own frames below the cell's.</summary>
    private static IEnumerable<string> Traceback(Exception error) => error.ToString().Split('\n')
        .Select(l => l.TrimEnd('\r'))
        .Where(l => !l.Contains("Microsoft.CodeAnalysis.Scripting.", StringComparison.Ordinal))
        .Reverse().SkipWhile(l => l.StartsWith("--- End of stack trace", StringComparison.Ordinal)).Reverse();

    /// <summary>The exception a cell threw, without reflection and single-task wrappers.</summary>
    public static Exception Unwrap(Exception error) => error switch
    {
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
        _ => error,
    };
}
