using SerDarts.Features;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SerDarts.Search;

/// <summary>Loss, labels and predictions of one weight update.</summary>
public sealed record StepResult(double Loss, int[] Truth, int[] Predicted)
{
    public int Count => Truth.Length;

    public long Correct => Truth.Zip(Predicted).Count(p => p.First == p.Second);
}
