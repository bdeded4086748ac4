using System.Text.Json.Nodes;
using SerDarts.Notebooks.Documents;
using SerDarts.Notebooks.Runner;

namespace SerDarts.Tests.Notebooks;

public class NotebookDocumentTests
{
    // As VS Code writes a C# notebook: sources as one string or as lines, an attachment, no ids (nbformat 4.4).
    private const string VsCodeNotebook = """
        {"cells": [
          {"cell_type": "markdown", "metadata": {}, "source": "# Title\nA full run takes 2 minutes.", "attachments": {"a.png": {"image/png": "AA=="}}},
          {"cell_type": "code", "execution_count": 3, "metadata": {"dotnet_interactive": {"language": "csharp"}, "polyglot_notebook": {"kernelName": "csharp"}},
           "outputs": [{"output_type": "stream", "name": "stdout", "text": ["x\n"]}], "source": ["var a = 1;\n", "a"]}
         ],
         "metadata": {"kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"}},
         "nbformat": 4, "nbformat_minor": 4}
        """;

    [Fact]
    public void A_notebook_reads_both_source_forms_and_writes_nbformat_4_5_with_line_arrays_and_ids()
    {
        var doc = NotebookDocument.Parse(VsCodeNotebook);
        var json = JsonNode.Parse(doc.ToJson())!.AsObject();

        Assert.Equal("var a = 1;\na", doc.Cells[1].Source);
        Assert.Equal(3, doc.Cells[1].ExecutionCount);
        Assert.Equal(5, json["nbformat_minor"]!.GetValue<int>());
        var cells = json["cells"]!.AsArray();
        Assert.Equal(["var a = 1;\n", "a"], cells[1]!["source"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal(["# Title\n", "A full run takes 2 minutes."], cells[0]!["source"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.All(cells, c => Assert.Matches("^[a-z0-9]{12}$", c!["id"]!.GetValue<string>()));
        Assert.Equal("AA==", cells[0]!["attachments"]!["a.png"]!["image/png"]!.GetValue<string>());
        Assert.False(cells[0]!.AsObject().ContainsKey("outputs")); // markdown cells carry no outputs
        Assert.Equal(["cell_type", "execution_count", "id", "metadata", "outputs", "source"], cells[1]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Saving_and_loading_keeps_every_cell()
    {
        var doc = new NotebookBuilder().Markdown("# m").Code("var x = 1;", "parameters").Code("x").Build();
        var path = Path.Combine(Directory.CreateTempSubdirectory("serdarts-doc").FullName, "n.ipynb");

        doc.Save(path);
        var loaded = NotebookDocument.Load(path);

        Assert.Equal(doc.ToJson(), loaded.ToJson());
        Assert.Equal(["parameters"], loaded.Cells[1].Tags);
        Assert.Empty(loaded.Cells[0].Metadata);
        Assert.Equal("csharp", loaded.Cells[2].Metadata["polyglot_notebook"]!["kernelName"]!.GetValue<string>());
    }

    [Fact]
    public void A_file_that_is_not_a_notebook_is_reported_by_name()
    {
        var error = Assert.Throws<FormatException>(() => NotebookDocument.Parse("{\"cells\": 1", "broken.ipynb"));
        Assert.Contains("broken.ipynb", error.Message);
        Assert.Throws<FileNotFoundException>(() => NotebookDocument.Load("/nonexistent/x.ipynb"));
    }

    [Fact]
    public void The_conventions_check_names_each_problem_and_its_cell()
    {
        var doc = new NotebookBuilder().Code("var x = 1;").Markdown("text").Build();
        doc.Cells[1].Metadata["dotnet_interactive"] = new JsonObject();
        doc.Cells[1].Id = doc.Cells[0].Id;

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

        Assert.Equal("# Search\n\nThe DARTS search.\n\nA full run takes about 20 minutes.", doc.Cells[0].Source);
        Assert.Equal("#r \"nuget: SerDarts, 1.2.3\"\n#r \"nuget: TorchSharp-cpu, 0.107.0\"\n\nusing SerDarts.Search;", doc.Cells[1].Source);
        Assert.Equal(["parameters"], doc.Cells[2].Tags);
        Assert.Empty(NotebookConventions.Check(doc));
    }

    [Fact]
    public void Package_assets_give_compile_runtime_and_this_platforms_native_files()
    {
        var folder = Directory.CreateTempSubdirectory("serdarts-assets").FullName;
        var packages = Path.Combine(folder, "packages") + "/";
        Directory.CreateDirectory(Path.Combine(packages, "native.pkg", "1.0.0"));
        var assets = Path.Combine(folder, "project.assets.json");
        File.WriteAllText(assets, """
            {"targets": {"net10.0": {
               "Native.Pkg/1.0.0": {"type": "package",
                 "compile": {"ref/net8.0/Native.Pkg.dll": {}}, "runtime": {"lib/net8.0/Native.Pkg.dll": {}},
                 "runtimeTargets": {
                   "runtimes/linux-x64/native/libnat.so": {"assetType": "native", "rid": "linux-x64"},
                   "runtimes/win-x64/native/nat.dll": {"assetType": "native", "rid": "win-x64"}}},
               "Meta.Pkg/2.0.0": {"type": "package", "compile": {"lib/net8.0/_._": {}}},
               "Local/1.0.0": {"type": "project"}}},
             "libraries": {"Native.Pkg/1.0.0": {"path": "native.pkg/1.0.0"}, "Meta.Pkg/2.0.0": {"path": "meta.pkg/2.0.0"}},
             "packageFolders": {"PACKAGES": {}}}
            """.Replace("PACKAGES", packages));

        var restored = PackageAssets.Read(assets);

        var root = Path.Combine(packages, "native.pkg", "1.0.0");
        Assert.Equal([Path.Combine(root, "ref/net8.0/Native.Pkg.dll")], restored.CompileAssemblies);
        Assert.Equal([Path.Combine(root, "lib/net8.0/Native.Pkg.dll")], restored.RuntimeAssemblies);
        if (OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64)
            Assert.Equal([Path.Combine(root, "runtimes/linux-x64/native/libnat.so")], restored.NativeLibraries);
    }
}
