namespace SerDarts.Runs;

/// <summary>
/// What <see cref="Checkpoint.Restore"/> found: the file it restored (null: none was usable, nothing was
/// loaded, start from scratch), its header JSON, and the newer files it had to pass over.
/// </summary>
public sealed record CheckpointRestore(string? Path, string? Header, IReadOnlyList<CheckpointProblem> Rejected)
{
    /// <summary>True when a checkpoint was loaded into the modules and optimisers.</summary>
    public bool Restored => Path is not null;
}
