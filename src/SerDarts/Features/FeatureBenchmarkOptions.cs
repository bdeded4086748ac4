using System.Diagnostics;
using SerDarts.Audio;
using SerDarts.Runtime;
using static TorchSharp.torch;

namespace SerDarts.Features;

/// <summary>Settings of <see cref="FeatureBenchmark.Run"/>. Threads is the number of compute threads (the peer's
/// torch.set_num_threads). Workers = Threads (the default, null) runs that many single-threaded extractors side
/// by side; Workers = 1 runs one extractor on torch's intra-op threads. Timing stops after MinSeconds.</summary>
public sealed record FeatureBenchmarkOptions(
    FeaturePreset Preset,
    FeatureKind Kind,
    int Threads = 2,
    int BatchSize = 1,
    double MinSeconds = 5.0,
    int? Workers = null);
