namespace SerDarts.Search;

/// <summary>The skip-connection rules of a search and what they did (metrics.json's <c>stopping</c>).</summary>
/// <param name="MaxNormalSkips">DARTS+ limit (stop once the normal cell holds more; 1 is DARTS+' ">= 2 skips"), or null.</param>
/// <param name="StoppedEarly">True when the DARTS+ rule ended the search.</param>
/// <param name="StopReason">Why, in words.</param>
/// <param name="MaxDerivedSkips">P-DARTS cap at derivation, or null.</param>
/// <param name="SkipsRemoved">Skips the cap struck from the kept genotype's normal cell.</param>
public sealed record SearchStopping(int? MaxNormalSkips, bool StoppedEarly, string? StopReason, int? MaxDerivedSkips, int SkipsRemoved);
