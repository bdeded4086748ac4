using SerDarts.Features;
using SerDarts.Networks;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SerDarts.Search;

/// <summary>
/// The bilevel maths of DARTS, nothing else: the architecture gradient in first order (dL_val/dalpha at the
/// current weights) or second order (unrolled: dL_val(w')/dalpha - xi * Hessian-vector product, where
/// w' = w - xi * (momentum * m + dL_trn/dw + wd * w) is the virtual SGD step). The Hessian-vector product is
/// the central finite difference (g(w+) - g(w-)) / (2 eps) with eps = 0.01 / |dw|.
/// </summary>
/// <remarks>pt.darts and emoDARTS compute <c>(p - n) / 2. * eps</c>, i.e. multiply by eps/2; this divides by
/// 2 eps, as in the DARTS paper (equation 8). The network is piecewise linear (ReLU, max-pool), so with
/// DARTS' eps the difference is a secant across kinks rather than the local product; the tests check the
/// formula against double backward with a small eps.</remarks>
public sealed class Architect
{
    private readonly SearchController controller;
    private readonly SearchNetwork virtualNetwork;
    private readonly double momentum;
    private readonly double weightDecay;
    private readonly double epsilonScale;

    /// <summary>Builds the virtual network once (same structure, weights copied at every virtual step);
    /// <paramref name="momentum"/> and <paramref name="weightDecay"/> are the weight optimiser's;
    /// the finite difference uses eps = <paramref name="epsilonScale"/> / |dw| (DARTS: 0.01).</summary>
    public Architect(SearchController controller, double momentum, double weightDecay, double epsilonScale = 0.01)
    {
        if (epsilonScale <= 0) throw new ArgumentException($"the finite-difference scale must be positive, got {epsilonScale}");
        this.controller = controller;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.epsilonScale = epsilonScale;
        virtualNetwork = new SearchNetwork(controller.Spec);
        virtualNetwork.to(controller.Network.parameters().First().device);
        if (controller.Network.parameters().First().dtype != ScalarType.Float32)
            virtualNetwork.to(controller.Network.parameters().First().dtype);
    }

    /// <summary>First order: sets alpha.grad = dL_val/dalpha; returns L_val (L_val includes the method's
    /// regulariser of the alphas, which does not depend on w and so has no Hessian term).</summary>
    public double FirstOrderBackward(MiniBatch valid)
    {
        var alphas = controller.Alphas().ToArray<Tensor>();
        var loss = controller.ArchitectureLoss(valid);
        SetGradients(alphas, AlphaGradients(loss, alphas));
        return loss.ToDouble();
    }

    /// <summary>Second order: sets alpha.grad = dL_val(w')/dalpha - xi * Hessian term; returns L_val(w').</summary>
    public double UnrolledBackward(MiniBatch train, MiniBatch valid, double xi, SGD weightOptimizer)
    {
        VirtualStep(train, xi, weightOptimizer);
        var alphas = controller.Alphas().ToArray<Tensor>();
        var virtualWeights = virtualNetwork.parameters().ToArray<Tensor>();
        double lossValue;
        Tensor[] grads;
        using (var pass = torch.NewDisposeScope()) // frees this pass' activations before the Hessian passes
        {
            var loss = controller.ArchitectureLoss(valid, virtualNetwork);
            grads = Gradients(loss, [.. alphas, .. virtualWeights]); // one pass: the graph is freed after it
            lossValue = loss.ToDouble();
            pass.MoveToOuter(grads);
        }
        var dAlpha = grads.Take(alphas.Length).ToArray();
        var dWeights = grads.Skip(alphas.Length).ToArray();
        var hessian = FiniteDifferenceHessian(dWeights, train);
        SetGradients(alphas, dAlpha.Zip(hessian, (da, h) => da.sub(h.mul(xi))).ToArray());
        return lossValue;
    }

    /// <summary>w' = w - xi * (momentum * m + g + wd * w) into the virtual network (m: SGD momentum buffer, 0 before the first step).</summary>
    public void VirtualStep(MiniBatch train, double xi, SGD weightOptimizer)
    {
        using var scope = torch.NewDisposeScope();
        var weights = controller.Weights().ToArray<Tensor>();
        var loss = controller.Loss(train);
        var grads = torch.autograd.grad([loss], weights);
        var states = weightOptimizer.state_dict().State;
        using var noGrad = torch.no_grad();
        var virtualWeights = virtualNetwork.parameters().ToArray();
        for (int i = 0; i < weights.Length; i++)
        {
            var step = grads[i].add(weights[i], alpha: weightDecay);
            var buffer = ((SGD.State)states[i]).momentum_buffer;
            if (buffer is not null && momentum != 0) step.add_(buffer, alpha: momentum);
            virtualWeights[i].copy_(weights[i].sub(step.mul(xi)));
        }
        // Buffers (input scaling, BN statistics) follow the real network.
        foreach (var ((_, source), (_, target)) in controller.Network.named_buffers().Zip(virtualNetwork.named_buffers()))
            target.copy_(source);
    }

    /// <summary>(dL_trn(w+)/dalpha - dL_trn(w-)/dalpha) / (2 eps), w+- = w +- eps dw, eps = scale / |dw|. Restores w exactly.</summary>
    public Tensor[] FiniteDifferenceHessian(IReadOnlyList<Tensor> dWeights, MiniBatch train)
    {
        var weights = controller.Weights().ToArray<Tensor>();
        var alphas = controller.Alphas().ToArray<Tensor>();
        Tensor[] saved;
        double eps;
        using (torch.no_grad())
        {
            saved = weights.Select(w => w.clone()).ToArray();
            eps = epsilonScale / torch.cat(dWeights.Select(d => d.reshape(-1)).ToArray()).norm().ToDouble();
            Shift(weights, dWeights, eps);
        }
        var positive = AlphaGradients(alphas, train);
        using (torch.no_grad()) Shift(weights, dWeights, -2 * eps);
        var negative = AlphaGradients(alphas, train);
        using (torch.no_grad())
            for (int i = 0; i < weights.Length; i++) weights[i].copy_(saved[i]);
        return positive.Zip(negative, (p, n) => p.sub(n).div(2 * eps)).ToArray();
    }

    /// <summary>The exact product d/dalpha (dL_trn/dw . dw) by double backward (for checking the finite difference).</summary>
    public Tensor[] ExactHessianVectorProduct(IReadOnlyList<Tensor> dWeights, MiniBatch train)
    {
        var weights = controller.Weights().ToArray<Tensor>();
        var alphas = controller.Alphas().ToArray<Tensor>();
        var gradW = torch.autograd.grad([controller.Loss(train)], weights, retain_graph: true, create_graph: true);
        Tensor dot = gradW.Zip(dWeights, (g, d) => g.mul(d).sum()).Aggregate((a, b) => a.add(b));
        return AlphaGradients(dot, alphas);
    }

    /// <summary>dL_trn/dalpha in a scope of its own, so each finite-difference pass frees its activations.</summary>
    private Tensor[] AlphaGradients(Tensor[] alphas, MiniBatch train)
    {
        using var pass = torch.NewDisposeScope();
        var grads = AlphaGradients(controller.Loss(train), alphas);
        pass.MoveToOuter(grads);
        return grads;
    }

    /// <summary>d output / d alpha; zeros for a cell type the network does not contain (e.g. no normal
    /// cell when every cell reduces), where autograd would report an unused input.</summary>
    private static Tensor[] AlphaGradients(Tensor output, Tensor[] alphas) => Gradients(output, alphas);

    private static Tensor[] Gradients(Tensor output, Tensor[] inputs) =>
        torch.autograd.grad([output], inputs, allow_unused: true)
            .Select((g, i) => g is null || g.IsInvalid ? torch.zeros_like(inputs[i]) : g).ToArray();

    private static void Shift(Tensor[] weights, IReadOnlyList<Tensor> direction, double scale)
    {
        for (int i = 0; i < weights.Length; i++) weights[i].add_(direction[i], alpha: scale);
    }

    private static void SetGradients(Tensor[] parameters, IList<Tensor> gradients)
    {
        for (int i = 0; i < parameters.Length; i++)
        {
            var existing = parameters[i].grad;
            if (existing is null) parameters[i].grad = gradients[i].detach().clone();
            else existing.copy_(gradients[i]);
        }
    }
}
