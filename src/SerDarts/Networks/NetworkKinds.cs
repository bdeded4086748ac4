using SerDarts.Runtime;

namespace SerDarts.Networks;

/// <summary>The networks a trial can train.</summary>
public static class NetworkKinds
{
    /// <summary>The CNN derived from the searched genotype, coupled to the LSTM head.</summary>
    public const string Darts = "darts";

    /// <summary>The control: a genotype drawn uniformly from the same search space, trained exactly like <see cref="Darts"/>.</summary>
    public const string Random = "random";

    /// <summary>Hand-engineered CNN baseline.</summary>
    public const string Cnn = "cnn";

    /// <summary>Hand-engineered CNN-LSTM baseline.</summary>
    public const string CnnLstm = "cnn-lstm";

    /// <summary>The classical baseline: a multinomial logistic regression on utterance-level functionals (<see cref="LinearSpec"/>).</summary>
    public const string Linear = "linear";

    public static IReadOnlyList<string> All { get; } = [Darts, Random, Cnn, CnnLstm, Linear];

    /// <summary>Built from DARTS cells (a genotype).</summary>
    public static bool UsesCells(string kind) => kind is Darts or Random;

    /// <summary>Name used in tables.</summary>
    public static string DisplayName(string kind) => kind switch
    {
        Darts => "DARTS CNN-LSTM",
        Random => "Random-cell CNN-LSTM",
        Cnn => "CNN",
        CnnLstm => "CNN-LSTM",
        Linear => "Linear (functionals)",
        _ => kind,
    };
}
