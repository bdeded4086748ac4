namespace SerDarts.Notebooks.Documents;

/// <summary>
/// Builds a notebook from cell sources with the project's conventions (Polyglot metadata, stable ids, empty
/// markdown metadata). <see cref="ForSerDarts"/> starts with the standard header, setup and parameters cells.
/// </summary>
public sealed class NotebookBuilder
{
    /// <summary>The tag that marks the cell of defaults a headless run may override.</summary>
    public const string ParametersTag = "parameters";

    private readonly List<(string Type, string Source, string[] Tags)> _cells = [];

    public NotebookBuilder Markdown(string source)
    {
        _cells.Add((NotebookCell.MarkdownType, source, []));
        return this;
    }

    public NotebookBuilder Code(string source, params string[] tags)
    {
        _cells.Add((NotebookCell.CodeType, source, tags));
        return this;
    }

    /// <summary>The cell of <c>var name = value;</c> defaults, tagged <c>parameters</c>.</summary>
    public NotebookBuilder Parameters(string source) => Code(source, ParametersTag);

    public NotebookDocument Build() => new(cells: _cells.Select((c, i) => c.Type == NotebookCell.CodeType
        ? NotebookCell.Code(NotebookCell.StableId(i, c.Source), c.Source, c.Tags)
        : NotebookCell.Markdown(NotebookCell.StableId(i, c.Source), c.Source)));

    /// <summary>
    /// A SerDarts notebook's opening: a markdown cell (title, what it shows, how long a full run takes), the
    /// setup cell that loads the library and the CPU torch backend from the local feed, then the parameters.
    /// </summary>
    public static NotebookBuilder ForSerDarts(SerDartsNotebookHeader header) => new NotebookBuilder()
        .Markdown($"# {header.Title}\n\n{header.Summary}\n\nA full run takes {header.FullRunTime}.")
        .Code(SetupSource(header.LibraryVersion, header.Usings))
        .Parameters(header.Parameters);

    /// <summary>The setup cell: packages first (the kernel hoists them), then the namespaces cells use.</summary>
    public static string SetupSource(string libraryVersion, IEnumerable<string> usings) =>
        $"#r \"nuget: SerDarts, {libraryVersion}\"\n" +
        $"#r \"nuget: TorchSharp-cpu, {SerDartsNotebookHeader.TorchSharpVersion}\"\n" +
        string.Concat(usings.Select(u => $"\nusing {u};"));
}
