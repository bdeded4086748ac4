using System.Globalization;

namespace SerDarts.Networks;

/// <summary>
/// The random-cell control (<see cref="NetworkKinds.Random"/>): how many cells each (fold, seed) draws and trains,
/// and whether a draw must match a reference parameter count. The draws of one trial are averaged inside it (they
/// share the fold and seed, so they are not independent units).
/// </summary>
public sealed record RandomSpec
{
    /// <summary>K: random cells drawn and trained per (fold, seed); the trial reports the pooled test predictions.</summary>
    public int Draws { get; init; } = 1;

    /// <summary>Redraw a cell until its model's parameter count lies within <see cref="ParameterTolerance"/> of the
    /// reference: <see cref="ReferenceParameters"/> when set, else the DARTS model of the same fold and seed.</summary>
    public bool MatchParameters { get; init; }

    /// <summary>Largest accepted relative difference from the reference count (0.1: within 10%).</summary>
    public double ParameterTolerance { get; init; } = 0.1;

    /// <summary>Cells tried per draw before the trial fails (bounds the redraws).</summary>
    public int MaxTries { get; init; } = 200;

    /// <summary>The count to match; null: the model of the genotype a darts trial of the same spec, fold and seed searches.</summary>
    public long? ReferenceParameters { get; init; }

    public IEnumerable<string> Errors(string path = "network.random")
    {
        if (Draws < 1) yield return $"{path}.draws must be >= 1";
        if (!(ParameterTolerance > 0 && ParameterTolerance < 1))
            yield return $"{path}.parameterTolerance must be in (0, 1), got {ParameterTolerance.ToString(CultureInfo.InvariantCulture)}";
        if (MaxTries < 1) yield return $"{path}.maxTries must be >= 1";
        if (ReferenceParameters is < 1) yield return $"{path}.referenceParameters must be >= 1 or null";
    }
}
