namespace SerDarts.Search;

/// <summary>DARTS (1806.09055): softmax mixing, first or second order (search.order), top-2 derivation.</summary>
public sealed class DartsMethod : SearchMethod
{
    public override string Name => SearchMethods.Darts;

    public override string Paper => "1806.09055";
}
