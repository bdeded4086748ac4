using Microsoft.DotNet.Interactive.Documents;
using SerDarts.NotebookHost.Documents;

namespace SerDarts.Tests.Notebooks;

/// <summary>How the kernel's events are written into the executed notebook (as its Jupyter front end writes them).</summary>
[Collection(NotebookRunnerCollection.Name)]
public class NotebookOutputTests
{
    [Fact]
    public async Task Displayed_strings_are_text_plain_and_other_values_the_kernels_html()
    {
        var result = await new NotebookFixture().RunCodeAsync(
            "display(\"a <b> string\");\ndisplay(\"<i>raw</i>\", \"text/html\");\ndisplay(new List<int> { 1, 2, 3 });");

        var outputs = result.Executed.Elements[1].Outputs;
        Assert.All(outputs, o => Assert.IsType<DisplayElement>(o));
        var bundles = NotebookFixture.Bundles(result.Executed.Elements[1]);
        Assert.Equal(3, bundles.Count);
        Assert.Equal("a <b> string", bundles[0]["text/plain"]);
        Assert.Contains("<pre>&lt;i&gt;raw&lt;/i&gt;</pre>", (string)bundles[1]["text/html"]); // the kernel escapes a string shown as HTML
        Assert.StartsWith("<div class=\"dni-plaintext\"><pre>[ 1, 2, 3 ]</pre></div>", (string)bundles[2]["text/html"]); // the kernel's own HTML
    }

    [Fact]
    public async Task Console_output_becomes_stream_outputs_with_consecutive_writes_merged()
    {
        var result = await new NotebookFixture().RunCodeAsync(
            "Console.Write(\"a\");\nConsole.WriteLine(\"b\");\nConsole.Error.WriteLine(\"e\");\nConsole.WriteLine(\"c\");",
            "Console.WriteLine(\"second\");");

        Assert.Equal([("stdout", "ab\n"), ("stderr", "e\n"), ("stdout", "c\n")], NotebookFixture.Streams(result.Executed.Elements[1]));
        Assert.Equal([("stdout", "second\n")], NotebookFixture.Streams(result.Executed.Elements[2]));
    }

    [NbformatFact]
    public async Task An_executed_notebook_with_every_kind_of_output_validates_with_nbformat()
    {
        var result = await new NotebookFixture().RunCodeAsync(
            "Console.WriteLine(\"out\");\nConsole.Error.WriteLine(\"err\");\ndisplay(\"text\");\ndisplay(new { A = 1 });\n42",
            "throw new Exception(\"stop\");");

        Assert.False(result.Succeeded);
        var kinds = result.Executed.Elements[1].Outputs.Select(o => o.GetType().Name).Distinct().Order();
        Assert.Equal(["DisplayElement", "ReturnValueElement", "TextElement"], kinds);
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
        Assert.Empty(NotebookConventions.CheckFile(path));
    }
}
