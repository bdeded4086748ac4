using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Networks;

/// <summary>Dropout + Linear + ReLU per hidden size, then dropout + the output Linear.</summary>
public static class DenseStack
{
    public static nn.Module<Tensor, Tensor> Create(long input, IReadOnlyList<int> hidden, double dropout, int classes)
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        long width = input;
        for (int i = 0; i < hidden.Count; i++)
        {
            if (dropout > 0) layers.Add(($"dropout{i}", nn.Dropout(dropout)));
            layers.Add(($"linear{i}", nn.Linear(width, hidden[i])));
            layers.Add(($"relu{i}", nn.ReLU()));
            width = hidden[i];
        }
        if (dropout > 0) layers.Add(("dropout_out", nn.Dropout(dropout)));
        layers.Add(("output", nn.Linear(width, classes)));
        return nn.Sequential(layers);
    }
}
