using SerDarts.Runtime;
using Spectre.Console;

namespace SerDarts.Cli.Commands;

/// <summary>One progress bar over the epochs of a search or training run.</summary>
internal static class EpochBar
{
    /// <param name="title">The bar's label before the first epoch ends.</param>
    /// <param name="epochs">Epochs of the run (the bar's end).</param>
    /// <param name="show">The finished epoch and the bar's new label, from an epoch record.</param>
    /// <param name="run">The run, reporting each finished epoch.</param>
    public static TResult Run<TRecord, TResult>(string title, int epochs, Func<TRecord, (int Epoch, string Label)> show,
        Func<IProgress<TRecord>, TResult> run)
    {
        TResult? result = default;
        AnsiConsole.Progress().Start(ctx =>
        {
            var bar = ctx.AddTask(title, maxValue: epochs);
            result = run(new SyncProgress<TRecord>(record =>
            {
                (bar.Value, bar.Description) = show(record);
            }));
        });
        return result!;
    }
}
