using TorchSharp;
using static TorchSharp.torch;

namespace SerDarts.Networks;

public enum PoolKind { Max, Average }
