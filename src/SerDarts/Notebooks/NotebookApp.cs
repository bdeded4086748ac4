using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;

namespace SerDarts.Notebooks;

/// <summary>
/// What a notebook exported as a C# file-based app (<c>serdarts notebook export</c>, then <c>dotnet run app.cs --
/// name=value</c>) runs on, so that it behaves as in the kernel: the parameters cell's defaults overridden by
/// <c>name=value</c> arguments, the notebook's folder as the working directory, and <c>display(...)</c> rendered
/// with the kernel's views into an HTML page beside the app (app.html), saved after every cell and at the end.
/// The exported code calls it; the notebook's own logic stays in its cells.
/// </summary>
public sealed class NotebookApp
{
    /// <summary>Exit codes, as the CLI's: done, a cell failed, invalid arguments.</summary>
    public const int Done = 0, CellFailed = 1, InvalidArguments = 2;

    private readonly IReadOnlyDictionary<string, string> _arguments;
    private readonly NotebookPage _page;
    private readonly TextWriter _out, _error;
    private readonly string _name;
    private int _cell = -1, _savedCount = -1;
    private string _cellName = "before the first cell";
    private bool _badParameter;

    private NotebookApp(string name, string title, IReadOnlyDictionary<string, string> arguments, string pagePath, TextWriter output, TextWriter error)
    {
        _name = name;
        _arguments = arguments;
        _out = output;
        _error = error;
        PagePath = pagePath;
        _page = new NotebookPage(title);
    }

    /// <summary>The HTML page the outputs go to.</summary>
    public string PagePath { get; }

    /// <summary>
    /// Reads the <c>name=value</c> arguments and moves to the notebook's folder. False with the exit code when the
    /// app must not run: <c>--help</c> (0, usage printed) or an argument that is not <c>name=value</c> (2, one line).
    /// A name the parameters cell does not declare is ignored with a warning, as the kernel's injection declares it unused.
    /// </summary>
    public static bool TryStart(string[] args, NotebookAppInfo info, [NotNullWhen(true)] out NotebookApp? app, out int exitCode) =>
        TryStart(args, info, AppContext.GetData("EntryPointFilePath") as string, Console.Out, Console.Error, out app, out exitCode);

    internal static bool TryStart(string[] args, NotebookAppInfo info, string? entryPointFile, TextWriter output, TextWriter error,
        [NotNullWhen(true)] out NotebookApp? app, out int exitCode)
    {
        app = null;
        var name = Path.GetFileName(entryPointFile ?? Path.ChangeExtension(info.PagePath, ".cs"));
        if (args.Any(a => a is "--help" or "-h" or "-?"))
        {
            output.WriteLine($"{name}: {info.NotebookPath} as a file-based app. Usage: dotnet run {name} -- [name=value ...]");
            output.WriteLine($"parameters: {(info.Parameters.Count == 0 ? "(none)" : string.Join(", ", info.Parameters))}");
            exitCode = Done;
            return false;
        }
        var arguments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var arg in args)
        {
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !IsIdentifier(arg[..equals]))
            {
                error.WriteLine($"{name}: argument '{arg}' is not name=value with a parameter name (parameters: {string.Join(", ", info.Parameters)})");
                exitCode = InvalidArguments;
                return false;
            }
            arguments[arg[..equals]] = arg[(equals + 1)..];
        }
        foreach (var unknown in arguments.Keys.Where(k => !info.Parameters.Contains(k)))
            error.WriteLine($"warning: {name}: parameter '{unknown}' is not in the notebook's parameters cell ({string.Join(", ", info.Parameters)}); ignored");

        // The page path is taken before the working directory changes: a relative app path is the caller's.
        var page = Path.GetFullPath(entryPointFile is null ? info.PagePath : Path.ChangeExtension(entryPointFile, ".html"));
        var folder = Path.GetDirectoryName(Path.GetFullPath(info.NotebookPath));
        if (folder is not null && Directory.Exists(folder)) Directory.SetCurrentDirectory(folder);
        else error.WriteLine($"warning: {name}: the notebook's folder {folder} is gone; relative paths resolve against {Directory.GetCurrentDirectory()}");
        app = new NotebookApp(name, info.Title, arguments, page, output, error);
        exitCode = Done;
        return true;
    }

    /// <summary>
    /// A parameter: the argument's text converted to the default's type by that type's TypeConverter (numbers in the
    /// invariant culture, enum members by name in any case), else the default.
    /// </summary>
    public T Parameter<T>(string name, T defaultValue)
    {
        if (!_arguments.TryGetValue(name, out var text)) return defaultValue;
        try { return (T)TypeDescriptor.GetConverter(typeof(T)).ConvertFromInvariantString(text)!; }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or InvalidCastException)
        {
            _badParameter = true;
            throw new ArgumentException($"parameter '{name}': '{text}' is not a {typeof(T).Name}", e);
        }
    }

    /// <summary>Marks the start of a notebook cell (its index in the notebook, its id); saves the page when it grew.</summary>
    public void Cell(int index, string id)
    {
        Save();
        _cell = index;
        _cellName = $"cell {index} (id {id})";
    }

    /// <summary>The kernel's <c>display(value)</c>: the value's view, appended to the page.</summary>
    public void Display(object? value, params string[] mimeTypes) =>
        _page.Display(value, mimeTypes.Contains(NotebookMimeTypes.PlainText) && !mimeTypes.Contains(NotebookMimeTypes.Html) ? NotebookMimeTypes.PlainText : null);

    /// <summary>A markdown cell, shown on the page.</summary>
    public void Markdown(string markdown) => _page.Markdown(markdown);

    /// <summary>The end of a run: saves the page and says where it is; returns <see cref="Done"/>.</summary>
    public int Finish()
    {
        Save();
        _out.WriteLine($"wrote {PagePath}");
        return Done;
    }

    /// <summary>A cell threw: the failure goes on the page and, in one line naming the cell, to stderr.</summary>
    public int Fail(Exception exception)
    {
        var cause = exception is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : exception;
        _page.Error($"{_cellName} failed: {cause}");
        Save();
        _error.WriteLine($"{_name}: {_cellName} failed: {cause.GetType().Name}: {cause.Message.Split('\n')[0]} (page: {PagePath})");
        return _badParameter ? InvalidArguments : CellFailed;
    }

    /// <summary>The cell running now (-1 before the first).</summary>
    internal int CurrentCell => _cell;

    private static bool IsIdentifier(string name) =>
        (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');

    private void Save()
    {
        if (_page.Count == _savedCount) return;
        Directory.CreateDirectory(Path.GetDirectoryName(PagePath)!);
        _page.Save(PagePath);
        _savedCount = _page.Count;
    }
}
