using SerDarts.Runtime;

namespace SerDarts.Networks;

/// <summary>The recurrent head coupled to every CNN with an LSTM (searched, derived, random or baseline), and
/// the dense layers of every model's classifier.</summary>
public sealed record HeadSpec
{
    /// <summary>Hidden units per LSTM layer (paper: 256).</summary>
    public int LstmUnits { get; init; } = 256;

    /// <summary>Stacked LSTM layers, 1..3 (the ablation compares them).</summary>
    public int LstmLayers { get; init; } = 1;

    /// <summary>Hidden dense layers between the LSTM (or the CNN's pooled features) and the 4-way output.</summary>
    public IReadOnlyList<int> DenseUnits { get; init; } = [128];

    /// <summary>Dropout before each dense layer while training (the search always uses 0: every forward of the
    /// unrolled step must be the same function).</summary>
    public double Dropout { get; init; } = 0.3;

    /// <summary>One of <see cref="HeadPooling"/>.</summary>
    public string Pooling { get; init; } = HeadPooling.Last;

    public const int MaxLstmLayers = 3;

    public IEnumerable<string> Errors(string path = "network.head")
    {
        if (LstmUnits < 1) yield return $"{path}.lstmUnits must be >= 1";
        if (LstmLayers is < 1 or > MaxLstmLayers) yield return $"{path}.lstmLayers must be 1..{MaxLstmLayers}, got {LstmLayers}";
        if (DenseUnits is null || DenseUnits.Any(u => u < 1)) yield return $"{path}.denseUnits must list positive sizes";
        if (Dropout is < 0 or >= 1) yield return $"{path}.dropout must be in [0, 1), got {Dropout}";
        if (!HeadPooling.All.Contains(Pooling)) yield return $"{path}.pooling '{Pooling}' is not {string.Join(", ", HeadPooling.All)}";
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem.</summary>
    public void Validate() => SpecErrors.ThrowIfAny(Errors(), "head");
}
