using SerDarts.Experiments.Analysis;
using SerDarts.Reporting;

namespace SerDarts.Notebooks;

/// <summary>One row of the results table (a variant's metrics over its trials) as a one-row HTML table, as
/// <see cref="ResultTables.Aggregate"/> lays it out.</summary>
internal sealed class VariantAggregateHtml : HtmlFormatter<VariantAggregate>
{
    public override string ToHtml(VariantAggregate value) => DataFrameHtml.Render(ResultTables.Aggregate([value]), 1);
}
