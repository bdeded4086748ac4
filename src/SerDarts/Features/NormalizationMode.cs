using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Features;

/// <summary>How network inputs are standardised.</summary>
public enum NormalizationMode
{
    /// <summary>Each utterance's rows standardised over its own frames (cepstral mean and variance normalisation).</summary>
    PerUtterance,

    /// <summary>Each (channel, row) standardised with the mean and std over all frames of the training fold.</summary>
    TrainingFold,
}
