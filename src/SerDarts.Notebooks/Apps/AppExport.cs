using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Microsoft.DotNet.Interactive.Documents;
using SerDarts.NotebookHost.Documents;

namespace SerDarts.NotebookHost.Apps;

/// <summary>
/// Turns a notebook into a C# file-based app (.NET 10, <c>dotnet run app.cs -- name=value</c>): the cells' packages
/// as <c>#:package</c> directives (SerDarts itself as <c>#:project</c> of this checkout), the parameters cell's
/// defaults as <c>name=value</c> arguments, the cells in order, and <c>display(...)</c> (and a cell's final
/// expression, which the kernel shows) onto an HTML page beside the app, through SerDarts' <c>NotebookApp</c>.
/// Kernel-only syntax that has no equivalent is refused with an <see cref="InvalidDataException"/> naming the cell.
/// </summary>
public static class AppExport
{
    /// <summary>Names the exported scaffolding uses; a notebook that declares one is refused (they would clash).</summary>
    internal const string AppVariable = "serdartsApp", ExitVariable = "serdartsExit", ErrorVariable = "serdartsError";

    /// <summary>The kernel's default imports that .NET's implicit usings lack (docs: ../shared/docs/notebooks.md).</summary>
    private static readonly string[] KernelImports = ["using System.Collections;", "using System.Text;"];

    /// <summary>Reads <paramref name="notebookPath"/> and writes its app to <paramref name="appPath"/>.</summary>
    public static void Export(string notebookPath, string appPath, AppExportOptions options)
    {
        var app = Path.GetFullPath(appPath);
        if (!app.EndsWith(".cs", StringComparison.Ordinal))
            throw new ArgumentException($"--out {appPath}: a file-based app is a .cs file");
        var source = Translate(NotebookFile.Load(notebookPath), Path.GetFullPath(notebookPath), app, options);
        Directory.CreateDirectory(Path.GetDirectoryName(app)!);
        var temporary = app + ".tmp";
        File.WriteAllText(temporary, source, new UTF8Encoding(false));
        File.Move(temporary, app, overwrite: true);
    }

    /// <summary>The app's source for <paramref name="doc"/>, read from <paramref name="notebookPath"/> and meant for <paramref name="appPath"/>.</summary>
    public static string Translate(InteractiveDocument doc, string notebookPath, string appPath, AppExportOptions options)
    {
        var notebookName = Path.GetFileName(notebookPath);
        var cells = doc.Elements.Select((cell, index) => Cell(cell, index, notebookName)).ToList();
        var declared = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cell in cells)
            foreach (var name in cell.Declared)
            {
                if (name is AppVariable or ExitVariable or ErrorVariable)
                    throw Refuse(notebookName, cell, $"declares '{name}', a name the exported app uses itself; rename it");
                if (declared.TryGetValue(name, out var first))
                    throw Refuse(notebookName, cell, $"declares '{name}' again (cell {first} declared it); the kernel allows that, but a file-based app is one scope: rename one");
                declared[name] = cell.Index;
            }
        var parameters = cells.FirstOrDefault(c => c.IsParameters)?.Declared ?? [];
        return Write(doc, cells, parameters, notebookPath, appPath, options);
    }

    /// <summary>
    /// SerDarts' project file in the checkout above one of <paramref name="starts"/> (the CLI's own folder, then the
    /// notebook's), or null.
    /// </summary>
    public static string? FindLibraryProject(params string[] starts)
    {
        foreach (var start in starts)
            for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            {
                var project = Path.Combine(dir.FullName, "src", "SerDarts", "SerDarts.csproj");
                if (File.Exists(project)) return project;
            }
        return null;
    }

    private static string Write(InteractiveDocument doc, IReadOnlyList<ExportedCell> cells, IReadOnlyList<string> parameters,
        string notebookPath, string appPath, AppExportOptions options)
    {
        var appName = Path.GetFileName(appPath);
        var pagePath = Path.ChangeExtension(appPath, ".html");
        var title = Title(doc) ?? Path.GetFileNameWithoutExtension(notebookPath);
        var app = new StringBuilder()
            .AppendLine($"// {appName}: {notebookPath} as a C# file-based app, written by `serdarts notebook export`.")
            .AppendLine($"// Run it with the .NET 10 SDK: dotnet run {appName} -- name=value ...  (parameters: {(parameters.Count == 0 ? "none" : string.Join(", ", parameters))})")
            .AppendLine("// Cells run in the notebook's folder, as in the kernel; display(...) and each cell's final value go to")
            .AppendLine($"// {Path.GetFileName(pagePath)} beside this file.");

        // SerDarts as this checkout's project: the app always runs the source beside the notebook, needs no
        // `dotnet pack`, and cannot pick up a stale package that NuGet cached under the same version.
        var packages = new List<string>();
        bool library = false;
        foreach (var directive in cells.SelectMany(c => c.Directives).Where(d => d.Package is not null))
        {
            if (string.Equals(directive.Package, options.LibraryPackage, StringComparison.OrdinalIgnoreCase)) library = true;
            else packages.Add($"#:package {directive.Package}@{directive.Version}");
        }
        app.AppendLine($"#:project {options.LibraryProject}");
        foreach (var package in packages.Distinct(StringComparer.Ordinal)) app.AppendLine(package);
        app.AppendLine("#:property PublishAot=false") // TorchSharp binds natives through reflection
            // Exported inside a repository such as this one, its Directory.Build.props and Directory.Packages.props
            // apply: #:package versions need central management off (else NU1008), and a notebook is script-like code
            // whose warnings stay warnings.
            .AppendLine("#:property ManagePackageVersionsCentrally=false")
            .AppendLine("#:property TreatWarningsAsErrors=false")
            .AppendLine();
        if (!library)
            app.AppendLine($"// (the notebook does not #r \"nuget: {options.LibraryPackage}\"; the project is referenced for NotebookApp)");

        foreach (var directive in KernelImports.Concat(cells.SelectMany(c => c.Usings)).Distinct(StringComparer.Ordinal))
            app.AppendLine(directive);
        app.AppendLine()
            .AppendLine($"if (!SerDarts.Notebooks.NotebookApp.TryStart(args, new SerDarts.Notebooks.NotebookAppInfo(")
            .AppendLine($"        {Quote(title)},")
            .AppendLine($"        {Quote(notebookPath)},")
            .AppendLine($"        {Quote(pagePath)},")
            .AppendLine($"        [{string.Join(", ", parameters.Select(Quote))}]),")
            .AppendLine($"    out var {AppVariable}, out var {ExitVariable}))")
            .AppendLine($"    return {ExitVariable};")
            .AppendLine()
            .AppendLine("// The kernel's display(...): the value's view, on the page.")
            .AppendLine($"void display(object? value, params string[] mimeTypes) => {AppVariable}.Display(value, mimeTypes);")
            .AppendLine()
            .AppendLine("try")
            .AppendLine("{");
        foreach (var cell in cells)
        {
            if (cell.Index > 0) app.AppendLine();
            app.AppendLine($"// ---- cell {cell.Index}{(cell.Id is null ? "" : $" (id {cell.Id})")}{(cell.IsParameters ? ": parameters, from name=value arguments" : "")}");
            if (cell.Markdown is { } markdown)
                app.AppendLine($"{AppVariable}.Markdown({RawString(markdown)});");
            else
            {
                app.AppendLine($"{AppVariable}.Cell({cell.Index}, {Quote(cell.Id ?? "")});");
                if (cell.Code.Length > 0) app.AppendLine(cell.Code);
            }
        }
        app.AppendLine("}")
            .AppendLine($"catch (Exception {ErrorVariable})")
            .AppendLine("{")
            .AppendLine($"    return {AppVariable}.Fail({ErrorVariable});")
            .AppendLine("}")
            .AppendLine($"return {AppVariable}.Finish();");
        foreach (var type in cells.SelectMany(c => c.Types))
            app.AppendLine().AppendLine(type);
        return app.ToString();
    }

    /// <summary>One cell, translated: directives out, usings and types hoisted, the final expression displayed.</summary>
    private static ExportedCell Cell(InteractiveDocumentElement element, int index, string notebookName)
    {
        var cell = new ExportedCell(index, element.Id, element.HasTag(NotebookBuilder.ParametersTag));
        if (!element.IsCode())
            return cell with { Markdown = element.Contents };
        if (element.KernelName is not (null or NotebookFile.KernelName or "C#" or "c#"))
            throw Refuse(notebookName, cell, $"runs in the '{element.KernelName}' kernel; a C# file-based app holds C# cells only");

        var directives = new List<KernelDirective>();
        var code = new StringBuilder();
        foreach (var line in element.Contents.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (KernelDirective.Parse(line) is { } directive)
            {
                if (directive.Refusal is { } why) throw Refuse(notebookName, cell, why);
                directives.Add(directive);
            }
            else code.Append(line).Append('\n');
        }

        var tree = CSharpSyntaxTree.ParseText(code.ToString(), new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script));
        var root = (CompilationUnitSyntax)tree.GetRoot();
        if (tree.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } syntaxError)
            throw Refuse(notebookName, cell, $"does not parse: {syntaxError.GetMessage(System.Globalization.CultureInfo.InvariantCulture)} (line {syntaxError.Location.GetLineSpan().StartLinePosition.Line + 1})");

        var edits = new List<(TextSpan Span, string Text)>();
        var usings = root.Usings.Select(u => u.ToString().Trim()).ToList();
        edits.AddRange(root.Usings.Select(u => (u.FullSpan, "")));
        var types = new List<string>();
        foreach (var member in root.Members.Where(m => m is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or BaseNamespaceDeclarationSyntax))
        {
            types.Add(member.ToFullString().Trim());
            edits.Add((member.FullSpan, ""));
        }
        if (cell.IsParameters) edits.AddRange(ParameterEdits(root, notebookName, cell));
        else if (root.Members.LastOrDefault() is GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } last })
            // What the kernel shows as the cell's value. The expression's span: the statement's would end at the missing
            // semicolon, after a trailing comment, and swallow it.
            edits.Add((last.Expression.Span, $"display({last.Expression});"));
        var text = SourceText.From(code.ToString()).WithChanges(edits.OrderBy(e => e.Span.Start).Select(e => new TextChange(e.Span, e.Text)));
        var translated = text.ToString();
        return cell with
        {
            Directives = directives, Usings = usings, Types = types, Code = translated.Trim('\n', '\r', ' ', '\t'),
            Declared = Declarations(root).Select(d => d.Identifier.Text).ToList(),
        };
    }

    /// <summary>The parameters cell: each default becomes <c>serdartsApp.Parameter("name", default)</c>.</summary>
    private static IEnumerable<(TextSpan, string)> ParameterEdits(CompilationUnitSyntax root, string notebookName, ExportedCell cell)
    {
        foreach (var member in root.Members)
        {
            var declaration = member switch
            {
                FieldDeclarationSyntax field => field.Declaration,
                GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local } => local.Declaration,
                _ => null,
            };
            if (declaration is null)
                throw Refuse(notebookName, cell, $"holds '{Shorten(member.ToString())}': a parameters cell may only declare variables with defaults, which become name=value arguments");
            foreach (var variable in declaration.Variables)
            {
                if (variable.Initializer is not { } initializer)
                    throw Refuse(notebookName, cell, $"declares '{variable.Identifier.Text}' without a default; a parameter needs one");
                var typeArgument = declaration.Type.IsVar ? "" : $"<{declaration.Type}>";
                yield return (initializer.Value.Span, $"{AppVariable}.Parameter{typeArgument}({Quote(variable.Identifier.Text)}, {initializer.Value})");
            }
        }
    }

    /// <summary>Variables a cell declares at its top level (script variables, shared with later cells).</summary>
    private static IEnumerable<VariableDeclaratorSyntax> Declarations(CompilationUnitSyntax root) =>
        root.Members.SelectMany(m => m switch
        {
            FieldDeclarationSyntax field => field.Declaration.Variables,
            GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local } => local.Declaration.Variables,
            _ => Enumerable.Empty<VariableDeclaratorSyntax>(),
        });

    private static string? Title(InteractiveDocument doc) =>
        doc.Elements.Where(e => !e.IsCode()).SelectMany(e => e.Contents.Split('\n'))
            .Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim();

    private static InvalidDataException Refuse(string notebookName, ExportedCell cell, string why) =>
        new($"{notebookName}: cell {cell.Index}{(cell.Id is null ? "" : $" (id {cell.Id})")} {why}");

    private static string Quote(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>A raw string literal of <paramref name="text"/>: more quotes in the delimiter than in any run inside.</summary>
    private static string RawString(string text)
    {
        int longest = 0, run = 0;
        foreach (var c in text) longest = Math.Max(longest, run = c == '"' ? run + 1 : 0);
        var quotes = new string('"', Math.Max(3, longest + 1));
        return $"{quotes}\n{text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n')}\n{quotes}";
    }

    private static string Shorten(string text)
    {
        var line = text.Split('\n')[0].Trim();
        return line.Length <= 50 ? line : line[..47] + "...";
    }

    private sealed record ExportedCell(int Index, string? Id, bool IsParameters)
    {
        public string? Markdown { get; init; }
        public IReadOnlyList<KernelDirective> Directives { get; init; } = [];
        public IReadOnlyList<string> Usings { get; init; } = [];
        public IReadOnlyList<string> Types { get; init; } = [];
        public IReadOnlyList<string> Declared { get; init; } = [];
        public string Code { get; init; } = "";
    }
}
