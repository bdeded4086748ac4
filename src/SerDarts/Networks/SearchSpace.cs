namespace SerDarts.Networks;

/// <summary>
/// A named set of candidate operations, in the column order of the architecture weights, <c>none</c> last
/// (genotype derivation never picks it). The name is part of an experiment's spec and hash.
/// </summary>
public sealed record SearchSpace(string Name, IReadOnlyList<string> Operations)
{
    /// <summary>The seed paper's space (pt.darts' PRIMITIVES): the 8 operations of <see cref="Networks.Operations.Known"/>,
    /// in its order, <c>none</c> last.</summary>
    public static SearchSpace Darts { get; } = new("darts", Networks.Operations.Known);

    public static IReadOnlyList<SearchSpace> All { get; } = [Darts];

    /// <summary>The space called <paramref name="name"/>, or a clear error listing the known ones.</summary>
    public static SearchSpace Named(string name) => All.FirstOrDefault(s => s.Name == name)
        ?? throw new ArgumentException($"unknown search space '{name}': use {string.Join(", ", All.Select(s => s.Name))}");

    /// <summary>The operations a derived cell may use (every one but <c>none</c>).</summary>
    public IReadOnlyList<string> Candidates => Operations.Where(o => o != Networks.Operations.None).ToList();

    public bool Contains(string operation) => Operations.Contains(operation);

    public override string ToString() => Name;
}
