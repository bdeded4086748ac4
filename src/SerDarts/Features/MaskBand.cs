using SerDarts.Runtime;
using static TorchSharp.torch;

namespace SerDarts.Features;

/// <summary>One masked band: rows or frames Start .. Start + Width - 1 (Width 0 masks nothing).</summary>
public readonly record struct MaskBand(MaskAxis Axis, int Start, int Width);
