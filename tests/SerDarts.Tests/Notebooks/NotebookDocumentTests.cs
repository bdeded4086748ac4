using System.Text.Json.Nodes;
using SerDarts.NotebookHost.Documents;
using SerDarts.NotebookHost.Runner;

namespace SerDarts.Tests.Notebooks;

public class NotebookDocumentTests
{
    // As VS Code writes a C# notebook: sources as one string or as lines, a tag, no ids (nbformat 4.4).
    private const string VsCodeNotebook = """
        {"cells": [
          {"cell_type": "markdown", "metadata": {}, "source": "# Title\nA full run takes 2 minutes."},
          {"cell_type": "code", "execution_count": 3, "metadata": {"dotnet_interactive": {"language": "csharp"}, "polyglot_notebook": {"kernelName": "csharp"}, "tags": ["parameters"]},
           "outputs": [{"output_type": "stream", "name": "stdout", "text": ["x\n"]}], "source": ["var a = 1;\n", "a"]}
         ],
         "metadata": {"kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"}},
         "nbformat": 4, "nbformat_minor": 4}
        """;

    private static string TempFile(string name, string? text = null)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("serdarts-doc").FullName, name);
        if (text is not null) File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_prepared_notebook_keeps_sources_and_tags_drops_outputs_and_gets_ids()
    {
        var doc = NotebookRunner.Prepare(TempFile("vscode.ipynb", VsCodeNotebook), new NotebookRunOptions());
        var path = TempFile("out.ipynb");
        NotebookFile.Save(doc, path);
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();

        Assert.Equal("var a = 1;\na", doc.Elements[1].Contents);
        Assert.Equal(["parameters"], doc.Elements[1].Tags());
        Assert.Empty(doc.Elements[1].Outputs);
        Assert.Equal(5, json["nbformat_minor"]!.GetValue<int>());
        var cells = json["cells"]!.AsArray();
        Assert.Equal(["var a = 1;\n", "a"], cells[1]!["source"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.All(cells, c => Assert.Matches("^[a-z0-9]{12}$", c!["id"]!.GetValue<string>()));
        Assert.Empty(cells[0]!["metadata"]!.AsObject()); // markdown cells keep empty metadata
        Assert.Equal("markdown", cells[0]!["cell_type"]!.GetValue<string>());
    }

    [Fact]
    public void Saving_and_loading_a_built_notebook_keeps_every_cell()
    {
        var doc = new NotebookBuilder().Markdown("# m").Code("var x = 1;", "parameters").Code("x").Build();
        var path = TempFile("n.ipynb");

        NotebookFile.Save(doc, path);
        var loaded = NotebookFile.Load(path);

        Assert.Equal(doc.Elements.Select(c => (c.Id, c.Contents, c.IsCode())), loaded.Elements.Select(c => (c.Id, c.Contents, c.IsCode())));
        Assert.Equal(["parameters"], loaded.Elements[1].Tags());
        Assert.Equal(NotebookFile.KernelName, loaded.Elements[2].KernelName);
    }

    [Fact]
    public void A_file_that_is_not_a_notebook_is_reported_by_name()
    {
        var path = TempFile("broken.ipynb", "{\"cells\": 1");
        var error = Assert.Throws<InvalidDataException>(() => NotebookFile.Load(path));
        Assert.Contains("broken.ipynb", error.Message);
        Assert.ThrowsAny<IOException>(() => NotebookFile.Load("/nonexistent/x.ipynb"));
    }

    [Fact]
    public void The_conventions_check_names_each_problem_and_its_cell()
    {
        var doc = new NotebookBuilder().Code("var x = 1;").Markdown("text").Build();
        doc.Elements[1].Metadata!["dotnet_interactive"] = new Dictionary<string, object>();
        doc.Elements[1].Id = doc.Elements[0].Id;

        var problems = NotebookConventions.Check(doc);

        Assert.Contains(problems, p => p.StartsWith("cell 1 (markdown") && p.Contains("empty metadata"));
        Assert.Contains(problems, p => p.StartsWith("cell 1") && p.Contains("duplicate id"));
        Assert.Contains(problems, p => p.StartsWith("cell 0 must be a markdown cell"));
        Assert.Contains(problems, p => p.Contains("setup cell"));
        Assert.Contains(problems, p => p.Contains("tagged \"parameters\" (found 0)"));
    }

    [Fact]
    public void The_standard_opening_has_header_setup_and_parameters_cells()
    {
        var doc = NotebookBuilder.ForSerDarts(new SerDartsNotebookHeader("Search", "The DARTS search.", "about 20 minutes",
            "var epochs = 2;") { LibraryVersion = "1.2.3", Usings = ["SerDarts.Search"] }).Build();

        Assert.Equal("# Search\n\nThe DARTS search.\n\nA full run takes about 20 minutes.", doc.Elements[0].Contents);
        Assert.Equal("#r \"nuget: SerDarts, 1.2.3\"\n#r \"nuget: TorchSharp-cpu, 0.107.0\"\n\nusing SerDarts.Search;", doc.Elements[1].Contents);
        Assert.Equal(["parameters"], doc.Elements[2].Tags());
        Assert.Empty(NotebookConventions.Check(doc));
    }

    [Fact]
    public void The_projects_notebooks_follow_the_conventions()
    {
        var folder = Path.Combine(RepositoryRoot(), "notebooks");
        var notebooks = Directory.GetFiles(folder, "*.ipynb");

        Assert.NotEmpty(notebooks);
        Assert.All(notebooks, n => Assert.Empty(NotebookConventions.CheckFile(n)));
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SerDarts.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("SerDarts.sln not found above " + AppContext.BaseDirectory);
    }
}
