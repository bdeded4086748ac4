using System.Text;

namespace SerDarts.Notebooks.Runner;

/// <summary>
/// Routes Console output to the running cell. Console is process-wide, so the writers installed here look up
/// the current cell through an AsyncLocal (it flows through awaits and into tasks a cell starts); writes from
/// anything else pass through to the original console unchanged.
/// </summary>
public static class ConsoleCapture
{
    private static readonly AsyncLocal<CellOutputs?> Current = new();
    private static readonly Lazy<bool> Installed = new(Install);

    /// <summary>Sends this async flow's Console.Out/Error to <paramref name="outputs"/> until disposed.</summary>
    public static IDisposable Into(CellOutputs outputs)
    {
        _ = Installed.Value;
        var previous = Current.Value;
        Current.Value = outputs;
        return new Restore(() => Current.Value = previous);
    }

    private static bool Install()
    {
        Console.SetOut(new RoutingWriter("stdout", Console.Out));
        Console.SetError(new RoutingWriter("stderr", Console.Error));
        return true;
    }

    private sealed class Restore(Action action) : IDisposable
    {
        public void Dispose() => action();
    }

    private sealed class RoutingWriter(string stream, TextWriter original) : TextWriter
    {
        public override Encoding Encoding => original.Encoding;

        public override void Write(char value) => Write(value.ToString());

        public override void Write(string? value)
        {
            if (Current.Value is { } cell) cell.Write(stream, value ?? "");
            else original.Write(value);
        }

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void WriteLine(string? value) => Write((value ?? "") + "\n");

        public override void WriteLine() => Write("\n");

        public override void Flush()
        {
            if (Current.Value is null) original.Flush();
        }
    }
}
