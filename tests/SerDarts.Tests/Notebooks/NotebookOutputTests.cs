using SerDarts.Notebooks;
using SerDarts.Notebooks.Documents;

namespace SerDarts.Tests.Notebooks;

[Collection(NotebookRunnerCollection.Name)]
public class NotebookOutputTests
{
    private static string Ref(Type type) => $"#r \"{type.Assembly.Location}\"";

    [Fact]
    public async Task Displayed_strings_are_text_plain_and_other_values_text_html_with_a_plain_fallback()
    {
        var result = await new NotebookFixture().RunCodeAsync(
            "display(\"a <b> string\");\ndisplay(\"<i>raw</i>\", \"text/html\");\ndisplay(new List<int> { 1, 2, 3 });\ndisplay(2.5);");

        var bundles = NotebookFixture.Bundles(result.Executed.Cells[1]);
        Assert.Equal(4, bundles.Count);
        Assert.Equal(new Dictionary<string, string> { ["text/plain"] = "a <b> string" }, bundles[0]);
        Assert.Equal(new Dictionary<string, string> { ["text/html"] = "<i>raw</i>" }, bundles[1]);
        Assert.Equal("<div class=\"dni-plaintext\"><pre>[ 1, 2, 3 ]</pre></div>", bundles[2]["text/html"]);
        Assert.Equal("[ 1, 2, 3 ]", bundles[2]["text/plain"]);
        Assert.Equal("2.5", bundles[3]["text/plain"]);
    }

    [Fact]
    public async Task Values_with_a_library_formatter_display_as_its_html()
    {
        var result = await new NotebookFixture().RunCodeAsync(
            Ref(typeof(HtmlContent)) + "\n" + Ref(typeof(Microsoft.Data.Analysis.DataFrame)),
            "display(SerDarts.Notebooks.Display.Html(\"<b>bold</b>\"));\n" +
            "new Microsoft.Data.Analysis.DataFrame(new Microsoft.Data.Analysis.PrimitiveDataFrameColumn<int>(\"epoch\", new[] { 7, 8 }))");

        Assert.True(result.Succeeded, result.Failure?.ToString());
        var bundles = NotebookFixture.Bundles(result.Executed.Cells[2]);
        Assert.Equal("<b>bold</b>", bundles[0]["text/html"]);
        Assert.Contains("<th>epoch</th>", bundles[1]["text/html"]);
        Assert.Contains("<td>8</td>", bundles[1]["text/html"]);
    }

    [Fact]
    public async Task A_type_naming_a_formatter_source_by_the_kernels_convention_is_rendered_by_it()
    {
        // Everything by convention, defined in the notebook itself: the attribute is matched by name only.
        var result = await new NotebookFixture().RunCodeAsync("""
            class TypeFormatterSourceAttribute : Attribute
            {
                public TypeFormatterSourceAttribute(Type t) => FormatterSourceType = t;
                public Type FormatterSourceType { get; }
            }
            class CelsiusFormatter
            {
                public Type Type => typeof(Celsius);
                public string MimeType => "text/html";
                public bool Format(object value, System.IO.TextWriter writer)
                {
                    writer.Write("<i>" + ((Celsius)value).Degrees.ToString(System.Globalization.CultureInfo.InvariantCulture) + " C</i>");
                    return true;
                }
            }
            class Source { public IEnumerable<object> CreateTypeFormatters() => new object[] { new CelsiusFormatter() }; }
            [TypeFormatterSource(typeof(Source))] class Celsius { public double Degrees = 21.5; }
            new Celsius()
            """);

        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Equal("<i>21.5 C</i>", NotebookFixture.Bundles(result.Executed.Cells[1])[0]["text/html"]);
    }

    [Fact]
    public async Task Console_output_is_captured_per_cell_with_consecutive_writes_merged()
    {
        var result = await new NotebookFixture().RunCodeAsync(
            "Console.Write(\"a\");\nConsole.WriteLine(\"b\");\nConsole.Error.WriteLine(\"e\");\nConsole.WriteLine(\"c\");\nawait Task.Run(() => Console.WriteLine(\"d\"));",
            "Console.WriteLine(\"second\");");

        Assert.Equal([("stdout", "ab\n"), ("stderr", "e\n"), ("stdout", "c\nd\n")], NotebookFixture.Streams(result.Executed.Cells[1]));
        Assert.Equal([("stdout", "second\n")], NotebookFixture.Streams(result.Executed.Cells[2]));
        var text = result.Executed.Cells[1].Outputs[2]["text"]!.AsArray().Select(l => l!.GetValue<string>());
        Assert.Equal(["c\n", "d\n"], text); // nbformat stores text as a list of lines
    }

    [NbformatFact]
    public async Task An_executed_notebook_with_every_kind_of_output_validates_with_nbformat()
    {
        var fixture = new NotebookFixture();
        var result = await fixture.RunCodeAsync(
            Ref(typeof(HtmlContent)),
            "Console.WriteLine(\"out\");\nConsole.Error.WriteLine(\"err\");\ndisplay(\"text\");\ndisplay(SerDarts.Notebooks.Display.Html(\"<p>x</p>\"));\n42",
            "throw new Exception(\"stop\");");

        Assert.False(result.Succeeded);
        var (exitCode, output) = Nbformat.Validate(result.OutputPath);
        Assert.True(exitCode == 0, output);
        Assert.Contains("valid", output);
    }

    [NbformatFact]
    public void A_notebook_from_the_builder_validates_and_follows_the_conventions()
    {
        var doc = NotebookBuilder.ForSerDarts(new SerDartsNotebookHeader(
            "Features", "MFCC versus log-mel.", "about 2 minutes on 2 CPU cores", "var preset = \"small\";")).Build();
        var path = new NotebookFixture().Write(doc);

        var (exitCode, output) = Nbformat.Validate(path);

        Assert.True(exitCode == 0, output);
        Assert.Empty(NotebookConventions.Check(NotebookDocument.Load(path)));
    }
}
