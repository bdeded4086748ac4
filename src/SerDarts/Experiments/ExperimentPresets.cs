namespace SerDarts.Experiments;

/// <summary>
/// Named sizings applied on top of a spec. A preset changes only the cost knobs (grid, epochs, batch sizes, and
/// the folds when none are chosen), never what an ablation compares (model, cells, LSTM depth, feature kind),
/// so applying it to every variant of a suite keeps the suite's contrasts.
/// </summary>
public static class ExperimentPresets
{
    public const string Paper = "paper";
    public const string Small = "small";

    public const string Smoke = "smoke";

    public static IReadOnlyList<string> Names { get; } = [Paper, Small, Smoke];

    /// <summary>The paper's setting: 128x128 inputs, C = 8 with 4 nodes, LSTM 256, 50 search epochs, 300 training epochs, batch 32.</summary>
    public static ExperimentSpec ApplyPaper(ExperimentSpec spec) => spec with
    {
        Features = spec.Features with { Grid = "paper" },
        Search = spec.Search with { InitChannels = 8, Nodes = 4, Epochs = 50, BatchSize = 32 },
        Training = spec.Training with { Epochs = 300, BatchSize = 32, LstmUnits = 256 },
    };

    /// <summary>
    /// For a 2-core CPU (demos, CI): 64x64 inputs, init channels 4, 3 nodes per cell, a 64-unit LSTM, 6 search
    /// epochs and 20 training epochs with batch 16, first fold only unless folds are given. Cells, LSTM depth,
    /// model and feature kind (what the ablations compare) are kept. Measured on the sample corpus: see
    /// docs/architecture.md (one darts trial plus both baselines in a few minutes on 2 cores).
    /// </summary>
    public static ExperimentSpec ApplySmall(ExperimentSpec spec) => spec with
    {
        Features = spec.Features with { Grid = "small" },
        Search = spec.Search with { InitChannels = 4, Nodes = 3, Epochs = 6, BatchSize = 16 },
        Training = spec.Training with { Epochs = 20, BatchSize = 16, LstmUnits = 64 },
        Folds = spec.Folds ?? [0],
    };

    /// <summary>The small sizes with 1 search epoch and 2 training epochs: checks that a pipeline or notebook runs
    /// end to end (CI), not that it learns.</summary>
    public static ExperimentSpec ApplySmoke(ExperimentSpec spec)
    {
        var small = ApplySmall(spec);
        return small with { Search = small.Search with { Epochs = 1 }, Training = small.Training with { Epochs = 2 } };
    }

    public static ExperimentSpec Apply(ExperimentSpec spec, string preset) => preset switch
    {
        Paper => ApplyPaper(spec),
        Small => ApplySmall(spec),
        Smoke => ApplySmoke(spec),
        _ => throw new ArgumentException($"unknown preset '{preset}': use {string.Join(" or ", Names)}", nameof(preset)),
    };
}
