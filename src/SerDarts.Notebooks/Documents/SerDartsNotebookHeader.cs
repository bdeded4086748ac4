namespace SerDarts.NotebookHost.Documents;

/// <summary>What the first three cells of a SerDarts notebook say (see docs/arch/notebooks.md).</summary>
/// <param name="Title">Heading of the first markdown cell.</param>
/// <param name="Summary">What the notebook shows, in a sentence or two.</param>
/// <param name="FullRunTime">How long a full run takes, e.g. "about 3 minutes on 2 CPU cores (small preset)".</param>
/// <param name="Parameters">Source of the parameters cell: <c>var name = value;</c> lines.</param>
public sealed record SerDartsNotebookHeader(string Title, string Summary, string FullRunTime, string Parameters)
{
    public const string TorchSharpVersion = "0.107.0";

    /// <summary>The SerDarts package version the setup cell restores (default: this build's version).</summary>
    public string LibraryVersion { get; init; } =
        typeof(SerDartsNotebookHeader).Assembly.GetName().Version?.ToString(3) ?? "0.1.0"; // one Version for all projects (Directory.Build.props)

    /// <summary>Namespaces the setup cell imports.</summary>
    public IReadOnlyList<string> Usings { get; init; } = ["SerDarts.Notebooks"];
}
