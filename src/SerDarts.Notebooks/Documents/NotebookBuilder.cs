using Microsoft.DotNet.Interactive.Documents;

namespace SerDarts.NotebookHost.Documents;

/// <summary>
/// Builds a notebook from cell sources with the project's conventions (C# kernel metadata, stable ids, empty
/// markdown metadata). <see cref="ForSerDarts"/> starts with the standard header, setup and parameters cells.
/// </summary>
public sealed class NotebookBuilder
{
    /// <summary>The tag that marks the cell of defaults a headless run may override.</summary>
    public const string ParametersTag = "parameters";

    private readonly List<(string Kernel, string Source, string[] Tags)> _cells = [];

    public NotebookBuilder Markdown(string source)
    {
        _cells.Add((NotebookFile.MarkdownKernel, source, []));
        return this;
    }

    public NotebookBuilder Code(string source, params string[] tags)
    {
        _cells.Add((NotebookFile.KernelName, source, tags));
        return this;
    }

    /// <summary>The cell of <c>var name = value;</c> defaults, tagged <c>parameters</c>.</summary>
    public NotebookBuilder Parameters(string source) => Code(source, ParametersTag);

    public InteractiveDocument Build()
    {
        var document = new InteractiveDocument(_cells
            .Select((c, i) => NotebookFile.Cell(NotebookFile.StableId(i, c.Source), c.Kernel, c.Source, c.Tags)).ToList());
        NotebookFile.SetPolyglotMetadata(document);
        return document;
    }

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
