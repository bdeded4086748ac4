using Microsoft.Data.Analysis;

namespace SerDarts.Reporting;

/// <summary>A table with the line that introduces it.</summary>
public sealed record TitledTable(string Title, DataFrame Frame);
