namespace SerDarts.Runs;

/// <summary>A checkpoint file that cannot be used, and why (missing, truncated, checksum mismatch...).</summary>
public sealed record CheckpointProblem(string Path, string Problem)
{
    public override string ToString() => $"{Path}: {Problem}";
}
