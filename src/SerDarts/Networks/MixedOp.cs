using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Networks;

/// <summary>
/// One edge of the supernet: every candidate operation applied to the input, mixed by the edge's row of
/// softmax weights. <c>none</c> contributes exactly zero to the output and to its weight's gradient, so it is
/// not computed (its weight still takes part in the softmax).
/// </summary>
public sealed class MixedOp : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly TorchSharp.Modules.ModuleList<nn.Module<Tensor, Tensor>> ops = new();
    private readonly long[] columns;

    public MixedOp(long channels, long stride, IReadOnlyList<string> primitives) : base(nameof(MixedOp))
    {
        var used = new List<long>();
        for (int k = 0; k < primitives.Count; k++)
        {
            if (primitives[k] == Operations.None) continue;
            ops.Add(Operations.Create(primitives[k], channels, stride, affine: false));
            used.Add(k);
        }
        columns = used.ToArray();
        RegisterComponents();
    }

    /// <param name="x">Edge input [N, C, H, W].</param>
    /// <param name="weights">This edge's mixing weights, one per primitive [O].</param>
    public override Tensor forward(Tensor x, Tensor weights)
    {
        Tensor? sum = null;
        Tensor? activated = null; // relu(x), shared by the candidates that start with ReLU
        for (int i = 0; i < ops.Count; i++)
        {
            // Handles are released as soon as possible: autograd keeps what it needs, and the dispose scope
            // would otherwise hold every temporary of the whole forward pass until the step ends.
            using var output = ops[i] is PreActivatedOperation pre
                ? pre.ForwardActivated(activated ??= nn.functional.relu(x))
                : ops[i].call(x);
            using var weight = weights[columns[i]];
            var term = output.mul(weight);
            if (sum is null) sum = term;
            else { sum.add_(term); term.Dispose(); }
        }
        activated?.Dispose();
        return sum ?? throw new InvalidOperationException("a mixed edge needs at least one operation other than 'none'");
    }
}
