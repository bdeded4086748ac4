using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using SerDarts.Notebooks;

namespace SerDarts.Interactive;

/// <summary>
/// One kernel session's plotly.js loader (<see cref="NotebookPlotly.Loader"/>): written once, under the cell that
/// added SerDarts, and again whenever that same cell runs again (its new outputs replace the old ones, loader
/// included, in the saved notebook). Charts anywhere else in the notebook wait for it, so cells may run in any order.
/// </summary>
internal sealed class PlotlyDelivery(string loader)
{
    private readonly object _gate = new();
    private bool _delivered;
    private KernelCommand? _served; // the last submission that got the loader
    private string? _deliveringCode;

    /// <summary>Records the command (the root submission) whose outputs carry the loader.</summary>
    public void DeliverWith(KernelCommand root)
    {
        lock (_gate)
        {
            _delivered = true;
            _served = root;
            _deliveringCode = (root as SubmitCode)?.Code;
        }
    }

    /// <summary>
    /// True, once per submission, for a later submission of the same code as the cell that carries the loader (that
    /// cell run again); each part of the submission asks.
    /// </summary>
    public bool TakeRerunOfDeliveringCell(SubmitCode submit)
    {
        lock (_gate)
        {
            if (_deliveringCode is null || ReferenceEquals(submit, _served) || submit.Code != _deliveringCode) return false;
            _served = submit;
            return true;
        }
    }

    /// <summary>The loader once, for the first chart output of a session whose loader was not written at load; then null.</summary>
    public string? TakeUndelivered()
    {
        lock (_gate)
        {
            if (_delivered) return null;
            _delivered = true;
            return loader;
        }
    }

    /// <summary>The loader as a display output of <paramref name="command"/>.</summary>
    public DisplayedValueProduced Output(KernelCommand command) =>
        new(new HtmlContent(loader), command, [new FormattedValue(NotebookMimeTypes.Html, loader)]);
}
