using SerDarts.Search;

namespace SerDarts.Models;

/// <summary>Which network to train.</summary>
public enum ModelKind
{
    /// <summary>The CNN derived from a searched genotype, coupled to the LSTM head.</summary>
    Darts,
    /// <summary>Hand-engineered CNN-only baseline.</summary>
    Cnn,
    /// <summary>Hand-engineered CNN-LSTM baseline.</summary>
    CnnLstm,
}

/// <summary>The model of a training run.</summary>
/// <param name="Kind">Derived (darts) or a baseline.</param>
/// <param name="Genotype">The searched cells; required for <see cref="ModelKind.Darts"/>.</param>
/// <param name="LstmLayers">LSTM layers of the head (1..3); ignored by the CNN-only baseline.</param>
/// <param name="Attention">Attention pooling over the LSTM outputs instead of the last step.</param>
public sealed record ModelSpec(ModelKind Kind, Genotype? Genotype = null, int LstmLayers = 1, bool Attention = false)
{
    public static ModelSpec Darts(Genotype genotype, int lstmLayers = 1) => new(ModelKind.Darts, genotype, lstmLayers);

    /// <summary>Parses the command-line names <c>darts</c>, <c>cnn</c>, <c>cnn-lstm</c>.</summary>
    public static ModelKind ParseKind(string name) => name.Trim().ToLowerInvariant() switch
    {
        "darts" => ModelKind.Darts,
        "cnn" => ModelKind.Cnn,
        "cnn-lstm" or "cnnlstm" => ModelKind.CnnLstm,
        _ => throw new ArgumentException($"unknown model '{name}': use darts, cnn or cnn-lstm"),
    };

    public void Validate()
    {
        if (Kind == ModelKind.Darts && Genotype is null)
            throw new ArgumentException("a darts model needs a genotype (from a search's genotype.json)");
        if (LstmLayers is < 1 or > 3) throw new ArgumentException($"LSTM layers must be 1..3, got {LstmLayers}");
        if (Genotype is not null) GenotypeFormat.Validate(Genotype, "model genotype");
    }

    /// <summary>Short display name, e.g. <c>darts-lstm2</c>, <c>cnn</c>.</summary>
    public string Name => Kind switch
    {
        ModelKind.Darts => $"darts-lstm{LstmLayers}",
        ModelKind.Cnn => "cnn",
        _ => $"cnn-lstm{LstmLayers}",
    };
}
