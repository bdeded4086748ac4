namespace SerDarts.Search.Operations;

/// <summary>
/// The DARTS candidate operations (pt.darts definitions), in the column order of the architecture weights.
/// <c>none</c> is last: genotype derivation never picks it.
/// </summary>
public static class Primitives
{
    public const string MaxPool3x3 = "max_pool_3x3";
    public const string AvgPool3x3 = "avg_pool_3x3";
    public const string SkipConnect = "skip_connect";
    public const string SepConv3x3 = "sep_conv_3x3";
    public const string SepConv5x5 = "sep_conv_5x5";
    public const string DilConv3x3 = "dil_conv_3x3";
    public const string DilConv5x5 = "dil_conv_5x5";
    public const string None = "none";

    /// <summary>The search space of the seed paper: 8 operations, <c>none</c> last.</summary>
    public static IReadOnlyList<string> Darts { get; } =
        [MaxPool3x3, AvgPool3x3, SkipConnect, SepConv3x3, SepConv5x5, DilConv3x3, DilConv5x5, None];

    public static bool IsKnown(string name) => Darts.Contains(name);

    /// <summary>Throws a clear error for a name outside the search space.</summary>
    public static void Validate(string name, string where)
    {
        if (!IsKnown(name))
            throw new ArgumentException($"{where}: unknown operation '{name}'; known: {string.Join(", ", Darts)}");
    }
}
