using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace SerDarts.NotebookHost.Runner;

/// <summary>
/// Turns the kernel's events for one cell into nbformat outputs the way the dotnet-interactive tool's Jupyter
/// front end does (ExecuteRequestHandler), so that a headless run writes what Jupyter writes: displayed values
/// as display_data (an update replaces the display it names), a returned value as execute_result, console and
/// errors as stream outputs, and a failure as an error output.
/// </summary>
internal static class CellOutputs
{
    /// <summary>The outputs of a cell and, when it failed, the failure.</summary>
    public static (List<InteractiveDocumentOutputElement> Outputs, CommandFailed? Failure) From(IReadOnlyList<KernelEvent> events, int executionCount)
    {
        var outputs = new List<InteractiveDocumentOutputElement>();
        var displays = new Dictionary<string, int>(StringComparer.Ordinal);
        CommandFailed? failure = null;
        foreach (var e in events)
        {
            switch (e)
            {
                case DisplayedValueUpdated updated when updated.ValueId is { } id && displays.TryGetValue(id, out var at):
                    outputs[at] = new DisplayElement(Bundle(updated));
                    break;
                case DisplayedValueProduced or DisplayedValueUpdated:
                    if (((DisplayEvent)e).ValueId is { } valueId) displays[valueId] = outputs.Count;
                    outputs.Add(new DisplayElement(Bundle((DisplayEvent)e)));
                    break;
                case ReturnValueProduced { Value: not DisplayedValue } value:
                    var result = new ReturnValueElement { ExecutionOrder = executionCount };
                    foreach (var (mime, text) in Bundle(value)) result.Data[mime] = text;
                    outputs.Add(result);
                    break;
                case StandardOutputValueProduced stdout:
                    Stream(outputs, "stdout", PlainText(stdout));
                    break;
                case StandardErrorValueProduced or ErrorProduced:
                    Stream(outputs, "stderr", PlainText((DisplayEvent)e));
                    break;
                case DiagnosticsProduced { FormattedDiagnostics.Count: > 0 } diagnostics:
                    Stream(outputs, "stderr", "\n" + string.Join("\n\n", diagnostics.FormattedDiagnostics.Select(d => d.Value)) + "\n\n");
                    break;
                case CommandFailed failed when failed.Command is SubmitCode && failure is null:
                    failure = failed;
                    outputs.Add(Error(failed));
                    break;
            }
        }
        return (outputs, failure);
    }

    /// <summary>The error output Jupyter shows: a compile error points at the diagnostics above it.</summary>
    private static ErrorElement Error(CommandFailed failed) => failed.Exception switch
    {
        CodeSubmissionCompilationErrorException => new ErrorElement("compilation error", "Error", []),
        null => new ErrorElement(failed.Message, "Error", [failed.Message]),
        var exception => new ErrorElement(failed.Message, "Error",
            [exception.ToString(), .. (exception.StackTrace ?? "").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)]),
    };

    private static Dictionary<string, object> Bundle(DisplayEvent e) =>
        e.FormattedValues.GroupBy(v => v.MimeType).ToDictionary(g => g.Key, g => (object)g.Last().Value);

    private static string PlainText(DisplayEvent e) =>
        e.FormattedValues.FirstOrDefault(v => v.MimeType == PlainTextFormatter.MimeType)?.Value ?? e.Value?.ToString() ?? "";

    /// <summary>Consecutive writes to one stream become one output, as Jupyter front ends show them.</summary>
    private static void Stream(List<InteractiveDocumentOutputElement> outputs, string name, string text)
    {
        if (outputs.Count > 0 && outputs[^1] is TextElement last && last.Name == name)
            outputs[^1] = new TextElement(last.Text + text, name);
        else
            outputs.Add(new TextElement(text, name));
    }
}
