using SerDarts.Runtime;

namespace SerDarts.Networks;

/// <summary>
/// The whole network of an experiment: which kind, the cell space and sizes (searched, derived and random
/// networks), the baselines' conv widths, and the head. Validated once, when the spec is loaded.
/// </summary>
public sealed record NetworkSpec
{
    /// <summary>One of <see cref="NetworkKinds"/>.</summary>
    public string Kind { get; init; } = NetworkKinds.Darts;

    /// <summary>Candidate operations of the cells (<see cref="Networks.SearchSpace"/> name).</summary>
    public string SearchSpace { get; init; } = Networks.SearchSpace.Darts.Name;

    /// <summary>Cells of the CNN (the paper's 4; the ablation compares 4 with 8); reductions at n/3 and 2n/3.</summary>
    public int Cells { get; init; } = 4;

    /// <summary>Intermediate nodes per cell.</summary>
    public int Nodes { get; init; } = 4;

    /// <summary>C: channels of the first cell.</summary>
    public int InitChannels { get; init; } = 8;

    /// <summary>The stem emits StemMultiplier x C channels (DARTS: 3).</summary>
    public int StemMultiplier { get; init; } = 3;

    /// <summary>The DARTS auxiliary head after cell 2n/3 (derived and random networks).</summary>
    public bool Auxiliary { get; init; }

    /// <summary>Conv-block widths of the hand-engineered baselines.</summary>
    public IReadOnlyList<int> BaselineChannels { get; init; } = [32, 64, 128];

    public HeadSpec Head { get; init; } = new();

    /// <summary>The classical baseline's functionals and L2 grid (<see cref="NetworkKinds.Linear"/> only).</summary>
    public LinearSpec Linear { get; init; } = new();

    /// <summary>The random-cell control's draws and parameter matching (<see cref="NetworkKinds.Random"/> only).</summary>
    public RandomSpec Random { get; init; } = new();

    public IEnumerable<string> Errors(string path = "network")
    {
        if (!NetworkKinds.All.Contains(Kind)) yield return $"{path}.kind '{Kind}' is not one of {string.Join(", ", NetworkKinds.All)}";
        if (!Networks.SearchSpace.All.Any(s => s.Name == SearchSpace))
            yield return $"{path}.searchSpace '{SearchSpace}' is not one of {string.Join(", ", Networks.SearchSpace.All.Select(s => s.Name))}";
        if (Cells < 1) yield return $"{path}.cells must be >= 1";
        if (Nodes < 1) yield return $"{path}.nodes must be >= 1";
        if (InitChannels < 2 || InitChannels % 2 != 0) yield return $"{path}.initChannels must be even and >= 2 (factorized reduction halves it)";
        if (StemMultiplier < 1) yield return $"{path}.stemMultiplier must be >= 1";
        if (BaselineChannels is not { Count: > 0 } || BaselineChannels.Any(c => c < 1))
            yield return $"{path}.baselineChannels must list positive widths";
        if (Head is null) yield return $"{path}.head is required";
        else foreach (var e in Head.Errors($"{path}.head")) yield return e;
        if (Linear is null) yield return $"{path}.linear is required";
        else foreach (var e in Linear.Errors($"{path}.linear")) yield return e;
        if (Random is null) yield return $"{path}.random is required";
        else foreach (var e in Random.Errors($"{path}.random")) yield return e;
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem.</summary>
    public void Validate() => SpecErrors.ThrowIfAny(Errors(), "network");

    /// <summary>The cell search space this network draws its operations from.</summary>
    public SearchSpace Space() => Networks.SearchSpace.Named(SearchSpace);
}
