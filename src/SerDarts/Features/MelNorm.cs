namespace SerDarts.Features;

/// <summary>Normalisation of the mel filters.</summary>
public enum MelNorm
{
    /// <summary>Triangles of peak 1.</summary>
    None,

    /// <summary>Each triangle divided by its width in Hz (constant energy per band, "area" normalisation).</summary>
    Slaney,
}
