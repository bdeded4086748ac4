using Microsoft.DotNet.Interactive.Documents;

namespace SerDarts.NotebookHost.Runner;

/// <summary>The outcome of one notebook run; the executed notebook is written either way.</summary>
public sealed record NotebookRunResult(string NotebookPath, string OutputPath, InteractiveDocument Executed,
    FailedCell? Failure, TimeSpan Elapsed)
{
    public bool Succeeded => Failure is null;
}
