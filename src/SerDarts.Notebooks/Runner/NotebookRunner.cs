using System.Diagnostics;
using SerDarts.Notebooks.Documents;

namespace SerDarts.Notebooks.Runner;

/// <summary>
/// Runs a notebook headlessly, cell by cell, in a fresh <see cref="ScriptKernel"/> whose working directory is
/// the notebook's folder. Parameter overrides go into a cell injected after the one tagged <c>parameters</c>.
/// The first failing cell stops the run; the executed notebook (outputs up to the failure) is written anyway.
/// </summary>
public sealed class NotebookRunner(NotebookRunOptions options)
{
    public async Task<NotebookRunResult> RunAsync(string notebookPath, string outputPath,
        IProgress<CellProgress>? progress = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var notebook = Path.GetFullPath(notebookPath);
        var doc = NotebookDocument.Load(notebook).Clone();
        foreach (var cell in doc.Cells) cell.ClearOutputs();
        int parametersAt = doc.Cells.FindIndex(c => c.IsCode && c.HasTag(NotebookBuilder.ParametersTag));
        if (options.Parameters.Count > 0 && parametersAt < 0)
            throw new ArgumentException($"{notebookPath}: no cell is tagged \"parameters\", so -p {options.Parameters[0].Key}=... has nowhere to go");

        var folder = Path.GetDirectoryName(notebook)!;
        var previousDirectory = Environment.CurrentDirectory;
        FailedCell? failure = null;
        try
        {
            Directory.SetCurrentDirectory(folder);
            failure = await RunCellsAsync(doc, Path.GetFileName(notebook), folder, parametersAt, progress, cancellation);
        }
        finally
        {
            Directory.SetCurrentDirectory(previousDirectory);
            doc.Save(outputPath);
        }
        return new NotebookRunResult(notebook, Path.GetFullPath(outputPath), doc, failure, clock.Elapsed);
    }

    private async Task<FailedCell?> RunCellsAsync(NotebookDocument doc, string name, string folder, int parametersAt,
        IProgress<CellProgress>? progress, CancellationToken cancellation)
    {
        using var kernel = new ScriptKernel(folder, options.Formatters, new NuGetRestorer(options.PackagesFolder, options.Log));
        bool inject = options.Parameters.Count > 0;
        int count = doc.Cells.Count(c => c.IsCode) + (inject ? 1 : 0);
        int number = 0;
        for (int i = 0, source = 0; i < doc.Cells.Count; i++, source++)
        {
            var cell = doc.Cells[i];
            bool injected = cell.HasTag(ParameterInjection.InjectedTag);
            if (injected) source--; // not a cell of the source notebook
            if (!cell.IsCode) continue;
            var label = injected ? "injected parameters" : $"cell {source}";
            var firstLine = NotebookText.FirstLine(cell.Source);
            number++; // not inside the ?. call below: a null progress would skip the increment
            progress?.Report(new CellProgress(name, number, count, label, firstLine, CellStage.Started, TimeSpan.Zero));
            var clock = Stopwatch.StartNew();
            var result = await kernel.RunAsync(cell.Source, $"{name}#{(injected ? "parameters" : source)}", cancellation);
            cell.ExecutionCount = number;
            cell.Outputs.AddRange(result.Outputs);
            progress?.Report(new CellProgress(name, number, count, label, firstLine,
                result.Succeeded ? CellStage.Succeeded : CellStage.Failed, clock.Elapsed));
            if (!result.Succeeded)
                return new FailedCell(injected ? -1 : source, cell.Id, firstLine, Describe(result.Error!));
            if (inject && i == parametersAt)
                doc.Cells.Insert(i + 1, InjectedCell(kernel));
        }
        return null;
    }

    private NotebookCell InjectedCell(ScriptKernel kernel)
    {
        string source;
        try { source = ParameterInjection.Source(options.Parameters, kernel.VariableType); }
        catch (FormatException e) { source = $"throw new System.ArgumentException({ParameterInjection.Quote(e.Message)});"; }
        foreach (var (name, _) in options.Parameters.Where(p => kernel.VariableType(p.Key) is null))
            options.Log?.Invoke($"warning: parameter '{name}' has no default in the parameters cell; declared with var");
        return NotebookCell.Code(ParameterInjection.InjectedTag, source, ParameterInjection.InjectedTag);
    }

    private static string Describe(Exception error)
    {
        var unwrapped = ScriptKernel.Unwrap(error);
        return unwrapped is Microsoft.CodeAnalysis.Scripting.CompilationErrorException compile
            ? string.Join("; ", compile.Diagnostics.Select(d => d.ToString()))
            : $"{unwrapped.GetType().Name}: {unwrapped.Message}";
    }
}
