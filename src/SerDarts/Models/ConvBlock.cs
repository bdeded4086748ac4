using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Models;

/// <summary>The baselines' building block: 3x3 conv, BN, ReLU, 2x2 max-pool.</summary>
public static class ConvBlock
{
    /// <summary>A stack of blocks with the given output channels, starting from one input channel.</summary>
    public static nn.Module<Tensor, Tensor> Stack(IReadOnlyList<int> channels)
    {
        if (channels.Count == 0 || channels.Any(c => c < 1))
            throw new ArgumentException("baseline conv channels must be a non-empty list of positive sizes");
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        long input = 1;
        for (int i = 0; i < channels.Count; i++)
        {
            layers.Add(($"conv{i}", nn.Conv2d(input, channels[i], 3, padding: 1, bias: false)));
            layers.Add(($"bn{i}", nn.BatchNorm2d(channels[i])));
            layers.Add(($"relu{i}", nn.ReLU()));
            layers.Add(($"pool{i}", nn.MaxPool2d(2, 2)));
            input = channels[i];
        }
        return nn.Sequential(layers);
    }
}
