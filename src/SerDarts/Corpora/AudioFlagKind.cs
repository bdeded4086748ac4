namespace SerDarts.Corpora;

/// <summary>What `corpus inspect --deep` warns about in a usable file.</summary>
public enum AudioFlagKind
{
    /// <summary>Digital silence (<see cref="Audio.AudioCheck.Silence"/>).</summary>
    Silence,

    /// <summary>Samples at full scale (<see cref="Audio.AudioCheck.Clipping"/>).</summary>
    Clipping,

    /// <summary>A duration far from the corpus' typical one (<see cref="Audio.DurationOutliers"/>).</summary>
    Duration,
}
