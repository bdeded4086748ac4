using System.Linq.Expressions;
using System.Xml.Linq;
using Microsoft.Data.Analysis;
using Plotly.NET;
using SerDarts.Notebooks;

namespace SerDarts.Tests.Notebooks;

public class NotebookFormattersTests
{
    [Fact]
    public void The_default_registry_holds_the_librarys_formatters()
    {
        var types = NotebookFormatters.Default.All.Select(f => f.GetType()).ToHashSet();

        Assert.Contains(typeof(DataFrameHtml), types);
        Assert.Contains(typeof(GenericChartHtml), types);
        Assert.Contains(typeof(HtmlContentFormatter), types);
    }

    [Fact]
    public void A_data_frame_becomes_a_table_with_its_columns_rows_and_escaped_values()
    {
        var frame = new DataFrame(
            new StringDataFrameColumn("emotion", ["neutral", "a<b&c"]),
            new PrimitiveDataFrameColumn<double>("accuracy", [0.5, 0.25]));

        var table = XElement.Parse(NotebookFormatters.Default.ToHtml(frame)!); // well-formed, so parseable as XML

        Assert.Equal(["", "emotion", "accuracy"], table.Descendants("th").Select(e => e.Value));
        var rows = table.Descendants("tbody").Single().Elements("tr")
            .Select(r => r.Elements("td").Select(td => td.Value).ToArray()).ToArray();
        Assert.Equal([["0", "neutral", "0.5"], ["1", "a<b&c", "0.25"]], rows);
    }

    [Fact]
    public void A_long_data_frame_is_cut_and_says_how_many_rows_are_left()
    {
        var frame = new DataFrame(new PrimitiveDataFrameColumn<int>("i", Enumerable.Range(0, 7)));

        var table = XElement.Parse(DataFrameHtml.Render(frame, maxRows: 3));

        Assert.Equal(3, table.Descendants("tbody").Single().Elements("tr").Count());
        Assert.Equal("4 more rows", table.Element("p")!.Value);
    }

    [Fact]
    public void A_chart_renders_its_data_with_plotly_from_the_cdn_or_embedded()
    {
        var trace = new Trace2D("scatter");
        trace.SetProperty("x", new[] { 1, 2, 3 });
        trace.SetProperty("y", new[] { 0.5, 0.75, 0.875 });
        var chart = GenericChart.ofTraceObject(true, trace);

        var linked = NotebookFormatters.Default.ToHtml(chart)!;
        var embedded = GenericChartHtml.Render(chart, embedPlotlyJs: true);

        Assert.Contains("[1,2,3]", linked);
        Assert.Contains("[0.5,0.75,0.875]", linked);
        Assert.Contains($"cdn.plot.ly/plotly-{Globals.PLOTLYJS_VERSION}.min", linked);
        Assert.True(linked.Length < 20_000, $"linked chart HTML is {linked.Length} characters");
        Assert.True(embedded.Length > 1_000_000, "the embedded chart must carry plotly.js itself");
        Assert.DoesNotContain("requirejs.config", embedded);
        Assert.StartsWith("<script>/* plotly.js " + Globals.PLOTLYJS_VERSION, embedded);
        Assert.Contains("[0.5,0.75,0.875]", embedded);
    }

    private class Animal;

    private sealed class Dog : Animal;

    [Fact]
    public void The_formatter_of_the_most_derived_registered_type_wins_and_later_registrations_come_first()
    {
        var registry = new NotebookFormatters([])
            .WithHtml<object>(_ => "object")
            .WithHtml<Animal>(_ => "animal");

        Assert.Equal("animal", registry.ToHtml(new Dog()));
        Assert.Equal("object", registry.ToHtml(42));
        Assert.Equal("dog", registry.WithHtml<Dog>(_ => "dog").ToHtml(new Dog()));
        Assert.Equal("override", registry.WithHtml<Animal>(_ => "override").ToHtml(new Dog()));
        Assert.Null(new NotebookFormatters([]).ToHtml(new Dog()));
    }

    /// <summary>
    /// Replays .NET Interactive's convention-based discovery on <see cref="HtmlContent"/>: the attribute found
    /// by class name, FormatterSourceType and PreferredMimeTypes read by reflection, CreateTypeFormatters()
    /// invoked, each formatter's MimeType and Type read, and Format bound as Func&lt;object, TextWriter, bool&gt;
    /// through an expression tree exactly as the kernel binds it (a void or overloaded Format would fail here).
    /// </summary>
    [Fact]
    public void Library_types_satisfy_the_kernels_formatter_source_convention()
    {
        var value = Display.Html("<em>shown</em>");
        var attribute = value.GetType().GetCustomAttributes(true).Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");
        var sourceType = (Type)attribute.GetType().GetProperty("FormatterSourceType")!.GetValue(attribute)!;
        Assert.Equal(["text/html"], (string[])attribute.GetType().GetProperty("PreferredMimeTypes")!.GetValue(attribute)!);

        var source = Activator.CreateInstance(sourceType)!;
        var formatters = (System.Collections.IEnumerable)sourceType.GetMethod("CreateTypeFormatters")!.Invoke(source, null)!;
        var formatter = formatters.Cast<object>().Single(f =>
            (Type)f.GetType().GetProperty("Type")!.GetValue(f)! == typeof(HtmlContent)
            && (string)f.GetType().GetProperty("MimeType")!.GetValue(f)! == "text/html");
        var valueParameter = Expression.Parameter(typeof(object));
        var writerParameter = Expression.Parameter(typeof(TextWriter));
        var format = Expression.Lambda<Func<object, TextWriter, bool>>(
            Expression.Call(Expression.Constant(formatter), formatter.GetType().GetMethod("Format")!, valueParameter, writerParameter),
            valueParameter, writerParameter).Compile();

        var writer = new StringWriter();
        Assert.True(format(value, writer));
        Assert.Equal("<em>shown</em>", writer.ToString());
    }
}
