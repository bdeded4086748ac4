using SerDarts.Runtime;
using static TorchSharp.torch;

namespace SerDarts.Features;

/// <summary>Which axis of the grid a mask covers.</summary>
public enum MaskAxis
{
    /// <summary>Whole rows (MFCC coefficients or mel bands).</summary>
    Frequency,

    /// <summary>Whole frames.</summary>
    Time,
}
