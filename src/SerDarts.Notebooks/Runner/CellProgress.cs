namespace SerDarts.NotebookHost.Runner;

/// <summary>A cell starting or finishing: its place among the code cells run, and its first line.</summary>
public sealed record CellProgress(string Notebook, int Number, int Count, string Label, string FirstLine,
    CellStage Stage, TimeSpan Elapsed)
{
    public override string ToString() => Stage == CellStage.Started
        ? $"{Notebook} [{Number}/{Count}] {Label}: {FirstLine}"
        : $"{Notebook} [{Number}/{Count}] {Label}: {(Stage == CellStage.Succeeded ? "ok" : "FAILED")} ({Elapsed.TotalSeconds:0.0} s)";
}
