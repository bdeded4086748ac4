using SerDarts.Networks;

namespace SerDarts.Search;

/// <summary>A derived genotype, the normal cell's skip count before the P-DARTS cap (the DARTS+ signal), and how
/// many skips the cap struck (0 when off).</summary>
public sealed record DerivedGenotype(Genotype Genotype, int SkipsBefore, int SkipsRemoved);
