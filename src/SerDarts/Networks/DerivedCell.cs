using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Networks;

/// <summary>
/// A discrete cell built from a genotype: each node sums its chosen operations (drop path on every one but
/// the identity), the output concatenates the genotype's concat states. BN is affine here.
/// </summary>
public sealed class DerivedCell : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> preprocess0;
    private readonly nn.Module<Tensor, Tensor> preprocess1;
    private readonly TorchSharp.Modules.ModuleList<nn.Module<Tensor, Tensor>> ops = new();
    private readonly TorchSharp.Modules.ModuleList<DropPath> dropPaths = new();
    private readonly int[][] inputs;
    private readonly bool[] dropped;
    private readonly int[] concat;

    public DerivedCell(Genotype genotype, long cPrevPrev, long cPrev, long c, bool reductionPrev, bool reduction)
        : base(nameof(DerivedCell))
    {
        preprocess0 = reductionPrev
            ? new FactorizedReduce(cPrevPrev, c, affine: true)
            : new ReluConvBn(cPrevPrev, c, 1, 1, 0, affine: true);
        preprocess1 = new ReluConvBn(cPrev, c, 1, 1, 0, affine: true);
        var cell = reduction ? genotype.Reduce : genotype.Normal;
        concat = (reduction ? genotype.ReduceConcat : genotype.NormalConcat).ToArray();
        inputs = cell.Select(node => node.Select(e => e.Input).ToArray()).ToArray();
        var droppedList = new List<bool>();
        foreach (var edge in cell.SelectMany(node => node))
        {
            long stride = reduction && edge.Input < 2 ? 2 : 1;
            var op = Operations.Create(edge.Operation, c, stride, affine: true);
            ops.Add(op);
            dropPaths.Add(new DropPath());
            droppedList.Add(op is not Identity);
        }
        dropped = droppedList.ToArray();
        OutputChannels = c * concat.Length;
        RegisterComponents();
    }

    public long OutputChannels { get; }

    public void SetDropPathProbability(double p)
    {
        foreach (var d in dropPaths) d.Probability = p;
    }

    public override Tensor forward(Tensor s0, Tensor s1)
    {
        var states = new List<Tensor> { preprocess0.call(s0), preprocess1.call(s1) };
        int op = 0;
        foreach (var nodeInputs in inputs)
        {
            Tensor? sum = null;
            foreach (var input in nodeInputs)
            {
                var output = ops[op].call(states[input]);
                if (dropped[op]) output = dropPaths[op].call(output);
                sum = sum is null ? output : sum.add(output);
                op++;
            }
            states.Add(sum!);
        }
        return torch.cat(concat.Select(i => states[i]).ToArray(), 1);
    }
}
