using Microsoft.Data.Analysis;
using SerDarts.Networks;

namespace SerDarts.Reporting;

/// <summary>The comparison with the papers: the figures next to ours (protocols as letters), the protocols the
/// letters stand for, and the sentence that says what may be subtracted from what.</summary>
public sealed record PaperComparison(DataFrame Figures, DataFrame Protocols, string Note);
