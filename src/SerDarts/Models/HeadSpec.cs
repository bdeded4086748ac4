namespace SerDarts.Models;

/// <summary>The fixed recurrent head coupled to every CNN (searched, derived or baseline).</summary>
/// <param name="LstmUnits">Hidden units per LSTM layer (paper: 256).</param>
/// <param name="LstmLayers">Stacked LSTM layers, 1..3.</param>
/// <param name="DenseUnits">Hidden dense layers between the LSTM and the 4-way output (ReLU + dropout each).</param>
/// <param name="Dropout">Dropout before each dense layer (0 during search, so that every forward is the same function).</param>
/// <param name="Attention">Attention pooling over the LSTM outputs instead of the last time step.</param>
public sealed record HeadSpec(int LstmUnits, int LstmLayers, IReadOnlyList<int> DenseUnits, double Dropout, bool Attention)
{
    public static HeadSpec Paper { get; } = new(256, 1, [128], 0.3, false);

    public void Validate()
    {
        if (LstmUnits < 1) throw new ArgumentException($"LSTM units must be positive, got {LstmUnits}");
        if (LstmLayers is < 1 or > 3) throw new ArgumentException($"LSTM layers must be 1..3, got {LstmLayers}");
        if (DenseUnits.Any(u => u < 1)) throw new ArgumentException("dense layer sizes must be positive");
        if (Dropout is < 0 or >= 1) throw new ArgumentException($"dropout must be in [0, 1), got {Dropout}");
    }
}
