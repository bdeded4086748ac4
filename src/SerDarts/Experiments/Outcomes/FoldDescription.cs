using SerDarts.Corpora;
using SerDarts.Networks;
using SerDarts.Search;

namespace SerDarts.Experiments.Outcomes;

/// <summary>Which utterances a fold holds out, for the record.</summary>
public sealed record FoldDescription(string Name, IReadOnlyList<string> TestSpeakers, int TrainCount, int ValidationCount, int TestCount);
