
namespace SerDarts.Reporting;

/// <summary>A variant's UA on one test speaker, averaged over the seeds that tested that speaker.</summary>
public sealed record SpeakerMean(string Variant, string Speaker, int Seeds, double UnweightedAccuracy);
