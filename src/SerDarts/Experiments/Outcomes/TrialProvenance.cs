using SerDarts.Experiments.Specs;

namespace SerDarts.Experiments.Outcomes;

/// <summary>Where a stored result came from: the exact spec, the seed, the data, the code and the machine.</summary>
public sealed record TrialProvenance(
    string SpecJson,
    string SpecHash,
    int Seed,
    string? CorpusManifestHash,
    string LibraryVersion,
    string? GitCommit,
    string Device,
    string Host,
    DateTime StartedUtc,
    DateTime EndedUtc);
