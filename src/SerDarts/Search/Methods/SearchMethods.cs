namespace SerDarts.Search;

/// <summary>
/// The table of search methods: name -> (search settings) -> method, like <see cref="Networks.Operations"/> for
/// candidate operations. The one place a method name is resolved.
/// </summary>
public static class SearchMethods
{
    public const string Darts = "darts";
    public const string PcDarts = "pc-darts";
    public const string DartsMinus = "darts-minus";
    public const string FairDarts = "fair-darts";
    public const string BetaDarts = "beta-darts";
    public const string SdartsRs = "sdarts-rs";

    /// <summary>PC-DARTS' K (1907.05737, CIFAR-10) when search.partialChannels is left at 1.</summary>
    public const int PcDartsDefaultK = 4;

    private static readonly IReadOnlyDictionary<string, Func<SearchSettings, SearchMethod>> Table =
        new Dictionary<string, Func<SearchSettings, SearchMethod>>
        {
            [Darts] = _ => new DartsMethod(),
            [PcDarts] = _ => new PcDartsMethod(),
            [DartsMinus] = s => new DartsMinusMethod(s.AuxiliarySkipWeight),
            [FairDarts] = s => new FairDartsMethod(s.ZeroOneWeight, s.FairThreshold),
            [BetaDarts] = s => new BetaDartsMethod(s.BetaDecayWeight),
            [SdartsRs] = s => new SdartsRsMethod(s.SmoothingEpsilon),
        };

    /// <summary>Every method name, in the table's order.</summary>
    public static IReadOnlyList<string> Names { get; } = [Darts, PcDarts, DartsMinus, FairDarts, BetaDarts, SdartsRs];

    /// <summary>The method <paramref name="settings"/> names, with its numbers.</summary>
    public static SearchMethod Create(SearchSettings settings) =>
        Table.TryGetValue(settings.Method, out var create)
            ? create(settings)
            : throw new ArgumentException($"search.method '{settings.Method}' is not one of {string.Join(", ", Names)}");
}
