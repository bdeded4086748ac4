using SerDarts.Corpora;
using SerDarts.Networks;

namespace SerDarts.Reporting;

/// <summary>A published figure: which paper, which model, UA or WA, the value in percent.</summary>
public sealed record PaperFigure(string Source, string Model, string Metric, double Percent);
