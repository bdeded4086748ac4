using System.Text.Json.Serialization;
using SerDarts.Runs;

namespace SerDarts.Search;

/// <summary>One of several searches of a trial: its seed, genotype, the supernet's last validation UA and the
/// validation UA of its genotype after a brief training (the selection criterion); its run directory.</summary>
[JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)] // NaN: a repeat without a validation score
public sealed record SearchRepeat(int Index, long Seed, string Genotype, double SupernetValidationUnweightedAccuracy,
    double TrainedValidationUnweightedAccuracy, string RunDirectory);
