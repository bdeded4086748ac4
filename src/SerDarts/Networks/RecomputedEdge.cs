using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SerDarts.Networks;

/// <summary>
/// Gradient checkpointing for one supernet edge: the forward keeps only the edge input and its mixing
/// weights; the backward runs the edge again with gradients on and differentiates that. Activation memory of
/// the whole supernet drops to about one edge's worth, for roughly one extra forward pass of the candidates.
/// BatchNorm running statistics are restored after the recomputation, so they advance once per forward as
/// without checkpointing. Not differentiable twice (no double backward through a recomputed edge).
/// </summary>
public sealed class RecomputedEdge : autograd.SingleTensorFunction<RecomputedEdge>
{
    public override string Name => nameof(RecomputedEdge);

    /// <summary>Runs <paramref name="edge"/> on (x, weights) with recomputation in the backward pass.</summary>
    public static Tensor Run(nn.Module<Tensor, Tensor, Tensor> edge, Tensor x, Tensor weights)
    {
        var args = new List<object> { edge, x, weights };
        args.AddRange(edge.parameters());
        return apply([.. args]);
    }

    public override Tensor forward(autograd.AutogradContext ctx, params object[] vars)
    {
        var edge = (nn.Module<Tensor, Tensor, Tensor>)vars[0];
        var x = (Tensor)vars[1];
        var weights = (Tensor)vars[2];
        ctx.save_data("edge", edge);
        ctx.save_for_backward([x, weights]);
        using var scope = torch.NewDisposeScope(); // no graph here (grad mode is off): free every temporary
        return edge.call(x, weights).MoveToOuterDisposeScope();
    }

    public override List<Tensor> backward(autograd.AutogradContext ctx, Tensor gradOutput)
    {
        var edge = (nn.Module<Tensor, Tensor, Tensor>)ctx.get_data("edge");
        var saved = ctx.get_saved_variables();
        var parameters = edge.parameters().ToArray<Tensor>();
        using var scope = torch.NewDisposeScope(); // the recomputed activations die with this scope
        using var grad = torch.enable_grad();
        var x = saved[0].detach().requires_grad_(true);
        var weights = saved[1].detach().requires_grad_(true);
        List<Tensor> grads;
        // Restored only after the gradient: BN saves its running statistics for backward, so they must not
        // change in between.
        using (new FrozenBatchNormStatistics(edge))
        {
            var output = edge.call(x, weights);
            grads = autograd.grad([output], [x, weights, .. parameters], [gradOutput], allow_unused: true).ToList();
        }
        foreach (var g in grads) g?.MoveToOuterDisposeScope();
        return [null!, .. grads];
    }

    /// <summary>Snapshots the running statistics of every BatchNorm in a module and restores them on dispose.</summary>
    private sealed class FrozenBatchNormStatistics : IDisposable
    {
        private readonly List<(Tensor Buffer, Tensor Copy)> saved = new();

        public FrozenBatchNormStatistics(nn.Module module)
        {
            using var noGrad = torch.no_grad();
            foreach (var (_, m) in module.named_modules())
                if (m is BatchNorm2d)
                    foreach (var (_, buffer) in m.named_buffers(recurse: false))
                        saved.Add((buffer, buffer.clone()));
        }

        public void Dispose()
        {
            using var noGrad = torch.no_grad();
            foreach (var (buffer, copy) in saved)
            {
                buffer.copy_(copy);
                copy.Dispose();
            }
        }
    }
}
