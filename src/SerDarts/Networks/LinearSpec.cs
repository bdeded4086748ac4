using System.Globalization;
using SerDarts.Runtime;

namespace SerDarts.Networks;

/// <summary>
/// The classical baseline (<see cref="NetworkKinds.Linear"/>): which utterance-level functionals of the input frames
/// it reads (<see cref="UtteranceFunctionals"/>), and the L2 strengths of its multinomial logistic regression, one
/// full-batch fit each; the strength is chosen on the validation speakers like an epoch of the networks.
/// </summary>
public sealed record LinearSpec
{
    /// <summary>Functional groups, any of <see cref="UtteranceFunctionals.All"/>, in the canonical order.</summary>
    public IReadOnlyList<string> Functionals { get; init; } = UtteranceFunctionals.Default;

    /// <summary>L2 strengths lambda (loss = mean cross-entropy + lambda/2 |W|^2, bias unpenalised), strongest first
    /// so that a tie on validation UA keeps the stronger one.</summary>
    public IReadOnlyList<double> L2Grid { get; init; } = [1.0, 0.1, 0.01, 0.001];

    /// <summary>L-BFGS iterations per fit (full batch, float64).</summary>
    public int Iterations { get; init; } = 300;

    public IEnumerable<string> Errors(string path = "network.linear")
    {
        if (Functionals is not { Count: > 0 }) yield return $"{path}.functionals must list at least one of {string.Join(", ", UtteranceFunctionals.All)}";
        else
        {
            foreach (var f in Functionals.Where(f => !UtteranceFunctionals.All.Contains(f)))
                yield return $"{path}.functionals '{f}' is not one of {string.Join(", ", UtteranceFunctionals.All)}";
            if (Functionals.Distinct().Count() != Functionals.Count) yield return $"{path}.functionals lists a group twice";
        }
        if (L2Grid is not { Count: > 0 } || L2Grid.Any(l => !(l >= 0) || double.IsInfinity(l)))
            yield return $"{path}.l2Grid must list finite strengths >= 0";
        if (Iterations < 1) yield return string.Create(CultureInfo.InvariantCulture, $"{path}.iterations must be >= 1, got {Iterations}");
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem.</summary>
    public void Validate() => SpecErrors.ThrowIfAny(Errors(), "linear");
}
