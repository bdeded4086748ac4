using SerDarts.Runtime;

namespace SerDarts.Networks;

/// <summary>How the LSTM head summarises its output sequence; padded frames never count (see <see cref="LstmHead"/>).</summary>
public static class HeadPooling
{
    /// <summary>The output at the last valid time step (the paper's coupling).</summary>
    public const string Last = "last";

    /// <summary>The mean over valid time steps.</summary>
    public const string Mean = "mean";

    /// <summary>Additive attention over valid time steps.</summary>
    public const string Attention = "attention";

    public static IReadOnlyList<string> All { get; } = [Last, Mean, Attention];
}
