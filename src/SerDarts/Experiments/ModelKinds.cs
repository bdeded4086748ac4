namespace SerDarts.Experiments;

/// <summary>The models a trial can train: the DARTS-derived CNN-LSTM, or one of the paper's hand-engineered baselines.</summary>
public static class ModelKinds
{
    /// <summary>DARTS CNN (cells found by search) followed by the LSTM head.</summary>
    public const string Darts = "darts";

    /// <summary>Hand-engineered CNN baseline.</summary>
    public const string Cnn = "cnn";

    /// <summary>Hand-engineered CNN-LSTM baseline.</summary>
    public const string CnnLstm = "cnn-lstm";

    public static IReadOnlyList<string> All { get; } = [Darts, Cnn, CnnLstm];

    /// <summary>Name used in tables ("DARTS CNN-LSTM", "CNN", "CNN-LSTM").</summary>
    public static string DisplayName(string model) => model switch
    {
        Darts => "DARTS CNN-LSTM",
        Cnn => "CNN",
        CnnLstm => "CNN-LSTM",
        _ => model,
    };
}
