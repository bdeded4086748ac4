using System.Diagnostics;
using Microsoft.DotNet.Interactive.Documents;
using SerDarts.NotebookHost.Documents;
using SerDarts.NotebookHost.Kernel;

namespace SerDarts.NotebookHost.Runner;

/// <summary>
/// Runs a notebook cell by cell in a fresh hosted C# kernel (<see cref="HostedKernel"/>) whose working directory is
/// the notebook's folder, as Jupyter runs it. Parameter overrides go into a cell injected after the one tagged
/// <c>parameters</c>. The first failing cell stops the run; the executed notebook (outputs up to the failure) is
/// written anyway.
/// </summary>
public sealed class NotebookRunner(NotebookRunOptions options)
{
    public async Task<NotebookRunResult> RunAsync(string notebookPath, string outputPath,
        IProgress<CellProgress>? progress = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        var notebook = Path.GetFullPath(notebookPath);
        var output = Path.GetFullPath(outputPath);
        var doc = Prepare(notebook, options);
        var previousDirectory = Environment.CurrentDirectory;
        FailedCell? failure = null;
        try
        {
            // The kernel resolves relative paths and the notebook's NuGet.config from the working directory.
            Directory.SetCurrentDirectory(Path.GetDirectoryName(notebook)!);
            failure = await RunCellsAsync(doc, Path.GetFileName(notebook), progress, cancellation);
        }
        finally
        {
            Directory.SetCurrentDirectory(previousDirectory);
            NotebookFile.Save(doc, output);
        }
        return new NotebookRunResult(notebook, output, doc, failure, clock.Elapsed);
    }

    /// <summary>
    /// The notebook as it will run: outputs cleared, and with overrides a cell tagged <c>injected-parameters</c>
    /// after the <c>parameters</c> cell (what <c>serdarts notebook inject</c> writes for Jupyter runs).
    /// </summary>
    public static InteractiveDocument Prepare(string notebookPath, NotebookRunOptions options)
    {
        var doc = NotebookFile.Load(notebookPath);
        for (int i = 0; i < doc.Elements.Count; i++)
        {
            var cell = doc.Elements[i];
            cell.Outputs.Clear();
            cell.ExecutionOrder = 0;
            cell.Id ??= NotebookFile.StableId(i, cell.Contents); // nbformat 4.5 needs ids; 4.4 files have none
        }
        if (options.Parameters.Count == 0) return doc;
        int at = doc.Elements.ToList().FindIndex(c => c.IsCode() && c.HasTag(NotebookBuilder.ParametersTag));
        if (at < 0)
            throw new ArgumentException($"{notebookPath}: no cell is tagged \"parameters\", so -p {options.Parameters[0].Key}=... has nowhere to go");
        var source = ParameterInjection.Source(doc.Elements[at].Contents, options.Parameters, options.Log);
        doc.Elements.Insert(at + 1, NotebookFile.Cell(ParameterInjection.InjectedTag, NotebookFile.KernelName, source, [ParameterInjection.InjectedTag]));
        return doc;
    }

    private static async Task<FailedCell?> RunCellsAsync(InteractiveDocument doc, string name,
        IProgress<CellProgress>? progress, CancellationToken cancellation)
    {
        using var kernel = new HostedKernel();
        var code = doc.Elements.Where(c => c.IsCode()).ToList();
        int source = -1; // index in the source notebook; the injected cell has none
        for (int i = 0; i < doc.Elements.Count; i++)
        {
            var cell = doc.Elements[i];
            bool injected = cell.HasTag(ParameterInjection.InjectedTag);
            if (!injected) source++;
            if (!cell.IsCode()) continue;
            int number = code.IndexOf(cell) + 1;
            var label = injected ? "injected parameters" : $"cell {source}";
            progress?.Report(new CellProgress(name, number, code.Count, label, cell.FirstLine(), CellStage.Started, TimeSpan.Zero));
            var clock = Stopwatch.StartNew();
            var (outputs, failed) = CellOutputs.From(await kernel.SubmitAsync(cell.Contents, cancellation), number);
            cell.ExecutionOrder = number;
            cell.Outputs.AddRange(outputs);
            progress?.Report(new CellProgress(name, number, code.Count, label, cell.FirstLine(),
                failed is null ? CellStage.Succeeded : CellStage.Failed, clock.Elapsed));
            if (failed is not null)
                return new FailedCell(injected ? -1 : source, cell.Id ?? "", cell.FirstLine(), failed.Message.Split('\n')[0].Trim());
        }
        return null;
    }
}
