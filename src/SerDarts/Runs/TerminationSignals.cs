using System.Runtime.InteropServices;

namespace SerDarts.Runs;

/// <summary>
/// SIGINT and SIGTERM as a cancellation token, for verbs that run trials. The first signal asks the running trial to
/// stop at its next checkpoint; the worker then releases its claim (interrupted) and the next worker resumes it.
/// SIGTERM (scancel, preemption, a time limit; a parent stopping its workers) is always handled that way; a second
/// Ctrl-C ends the process at once (the trial's lease then expires, or this host sees the process gone).
/// (The CLI's verbs use this instead of System.CommandLine's handling, which ends the process two seconds after the
/// signal, before a checkpoint.)
/// </summary>
public sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _interrupts;

    public TerminationSignals(string verb)
    {
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Handle(c, verb)),
                          PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Handle(c, verb))];
    }

    public CancellationToken Token => _cancel.Token;

    /// <summary>The first signal received, if any.</summary>
    public PosixSignal? Received { get; private set; }

    /// <summary>128 + the signal's number, as a shell reports a process ended by it.</summary>
    public int ExitCode => Received == PosixSignal.SIGTERM ? 143 : 130;

    private void Handle(PosixSignalContext context, string verb)
    {
        if (context.Signal == PosixSignal.SIGINT && Interlocked.Increment(ref _interrupts) > 1) return; // the default: end now
        context.Cancel = true;
        lock (_cancel)
        {
            if (Received is not null) return;
            Received = context.Signal;
        }
        Console.Error.WriteLine($"serdarts {verb}: {context.Signal} received; stopping after the running trial's next checkpoint");
        _cancel.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _cancel.Dispose();
    }
}
