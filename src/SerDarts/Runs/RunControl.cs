namespace SerDarts.Runs;

/// <summary>
/// Session limits for a long run: stop cleanly (after the epoch's checkpoint) once
/// <paramref name="StopAfterEpochs"/> epochs ran in this session, or at an epoch boundary once
/// <paramref name="Cancellation"/> is signalled. A later call with resume continues where it stopped.
/// </summary>
public sealed record RunControl(int? StopAfterEpochs = null, CancellationToken Cancellation = default)
{
    public static RunControl None { get; } = new();

    public bool ShouldStop(int epochsThisSession) =>
        Cancellation.IsCancellationRequested || (StopAfterEpochs is int n && epochsThisSession >= n);
}
