using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Networks;

/// <summary>The baselines' building block: 3x3 conv, BN, ReLU, 2x2 max-pool.</summary>
public static class ConvBlock
{
    /// <summary>A stack of blocks with the given output channels, starting from one input channel.</summary>
    public static nn.Module<Tensor, Tensor> Stack(IReadOnlyList<int> channels, bool channelsLast = true)
    {
        if (channels.Count == 0 || channels.Any(c => c < 1))
            throw new ArgumentException("baseline conv channels must be a non-empty list of positive sizes");
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        long input = 1;
        for (int i = 0; i < channels.Count; i++)
        {
            layers.Add(($"conv{i}", nn.Conv2d(input, channels[i], 3, padding: 1, bias: false)));
            if (i == 0 && channelsLast) layers.Add(("nhwc", new ChannelsLastModule()));
            layers.Add(($"bn{i}", nn.BatchNorm2d(channels[i])));
            layers.Add(($"relu{i}", nn.ReLU()));
            layers.Add(($"pool{i}", nn.MaxPool2d(2, 2)));
            input = channels[i];
        }
        return nn.Sequential(layers);
    }

    /// <summary>Switches to NHWC strides after the first conv (see <see cref="MemoryLayout"/>).</summary>
    private sealed class ChannelsLastModule : nn.Module<Tensor, Tensor>
    {
        public ChannelsLastModule() : base("ChannelsLast") => RegisterComponents();

        public override Tensor forward(Tensor x) => MemoryLayout.ToChannelsLast(x);
    }
}
