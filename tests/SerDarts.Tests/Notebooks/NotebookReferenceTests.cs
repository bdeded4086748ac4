using System.IO.Compression;
using SerDarts.Notebooks.Runner;

namespace SerDarts.Tests.Notebooks;

[Collection(NotebookRunnerCollection.Name)]
public class NotebookReferenceTests
{
    [Fact]
    public async Task A_relative_r_loads_a_dll_from_beside_the_notebook()
    {
        var fixture = new NotebookFixture();
        TestAssemblies.CompileTo(Path.Combine(fixture.Folder, "lib", "Greetings.dll"), "Greetings",
            "namespace Greetings { public static class Greeter { public static string Hello(string n) => \"hello \" + n; } }");

        var result = await fixture.RunCodeAsync("#r \"lib/Greetings.dll\"\nGreetings.Greeter.Hello(\"notebook\")");

        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Equal("hello notebook", NotebookFixture.Value(result.Executed.Cells[1]));
    }

    [Fact]
    public async Task A_second_copy_of_an_assembly_the_runner_has_resolves_to_the_runners_copy()
    {
        // Plotly.NET 6 needs FSharp.Core 10.1: a notebook that references another file of the same FSharp.Core
        // must still run against one copy, and its charts must be the type the library's formatter knows.
        var fixture = new NotebookFixture();
        var fsharp = typeof(Microsoft.FSharp.Core.FSharpOption<>).Assembly.Location;
        File.Copy(fsharp, Path.Combine(Directory.CreateDirectory(Path.Combine(fixture.Folder, "lib")).FullName, "FSharp.Core.dll"));

        var result = await fixture.RunCodeAsync(
            $"#r \"lib/FSharp.Core.dll\"\n#r \"{typeof(Plotly.NET.GenericChart).Assembly.Location}\"\n#r \"{typeof(DynamicObj.DynamicObj).Assembly.Location}\"",
            "var trace = new Plotly.NET.Trace2D(\"scatter\");\ntrace.SetProperty(\"y\", new[] { 1, 3, 2 });\nPlotly.NET.GenericChart.ofTraceObject(true, trace)",
            "AppDomain.CurrentDomain.GetAssemblies().Count(a => a.GetName().Name == \"FSharp.Core\")");

        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Contains("Plotly chart will be drawn", NotebookFixture.Bundles(result.Executed.Cells[2])[0]["text/html"]);
        Assert.Equal("1", NotebookFixture.Value(result.Executed.Cells[3]));
    }

    [Fact]
    public async Task A_relative_load_runs_a_script_from_beside_the_notebook()
    {
        var fixture = new NotebookFixture();
        Directory.CreateDirectory(Path.Combine(fixture.Folder, "scripts"));
        File.WriteAllText(Path.Combine(fixture.Folder, "scripts", "helpers.csx"), "int Twice(int v) => v * 2;\n");

        var result = await fixture.RunCodeAsync("#load \"scripts/helpers.csx\"", "Twice(21)");

        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Equal("42", NotebookFixture.Value(result.Executed.Cells[2]));
    }

    [Fact]
    public void Package_directives_are_hoisted_and_leave_line_numbers_intact()
    {
        var directives = CellDirectives.Parse(
            "using System;\n#r \"nuget: SerDarts, 0.1.0\"\n#r \"nuget:Plotly.NET\"\n#i \"nuget: /feeds/local\"\n#r \"lib/x.dll\"\n#!time\nvar a = 1;");

        Assert.Equal([new PackageReference("SerDarts", "0.1.0"), new PackageReference("Plotly.NET", null)], directives.Packages);
        Assert.Equal(["/feeds/local"], directives.Sources);
        var lines = directives.Code.Split('\n');
        Assert.Equal(7, lines.Length);
        Assert.StartsWith("//", lines[1]);
        Assert.StartsWith("//", lines[3]);
        Assert.Equal("#r \"lib/x.dll\"", lines[4]); // paths stay for Roslyn's resolver
        Assert.StartsWith("//", lines[5]);
        Assert.Equal("var a = 1;", lines[6]);
        Assert.Equal("*", directives.Packages[1].VersionRange);
    }

    [Fact]
    public async Task A_nuget_reference_restores_from_the_feed_named_by_the_nearest_NuGet_config()
    {
        var root = new NotebookFixture("nuget");
        var feed = Directory.CreateDirectory(Path.Combine(root.Folder, "feed")).FullName;
        WritePackage(feed, "SerDarts.TestOnly.Tiny", "1.2.3",
            "namespace Tiny { public static class Answer { public static int Value => 42; } }");
        // The config sits above the notebook's folder and names the feed relative to itself, like notebooks/NuGet.config.
        File.WriteAllText(Path.Combine(root.Folder, "NuGet.config"), """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources><clear /><add key="local" value="feed" /></packageSources>
            </configuration>
            """);
        var notebooks = Directory.CreateDirectory(Path.Combine(root.Folder, "notebooks")).FullName;
        var options = new NotebookRunOptions { PackagesFolder = Path.Combine(root.Folder, "packages") };
        var doc = NotebookFixture.Build(
            "#r \"nuget: SerDarts.TestOnly.Tiny, 1.2.3\"\nvar answer = Tiny.Answer.Value;",
            "System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(typeof(Tiny.Answer).Assembly) == System.Runtime.Loader.AssemblyLoadContext.Default",
            "answer");
        doc.Save(Path.Combine(notebooks, "restore.ipynb"));

        var result = await new NotebookRunner(options).RunAsync(Path.Combine(notebooks, "restore.ipynb"), Path.Combine(root.Folder, "out.ipynb"));

        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Equal("True", NotebookFixture.Value(result.Executed.Cells[2])); // one copy, in the default context
        Assert.Equal("42", NotebookFixture.Value(result.Executed.Cells[3]));
        Assert.True(File.Exists(Path.Combine(root.Folder, "packages", "serdarts.testonly.tiny", "1.2.3", "lib", "net8.0", "Tiny.dll")));
    }

    [Fact]
    public async Task A_package_that_cannot_be_restored_fails_its_cell_naming_the_package()
    {
        var root = new NotebookFixture("nuget-missing");
        Directory.CreateDirectory(Path.Combine(root.Folder, "empty-feed"));
        File.WriteAllText(Path.Combine(root.Folder, "NuGet.config"),
            "<configuration><packageSources><clear /><add key=\"local\" value=\"empty-feed\" /></packageSources></configuration>");
        var options = new NotebookRunOptions { PackagesFolder = Path.Combine(root.Folder, "packages") };

        var result = await root.RunAsync(NotebookFixture.Build("#r \"nuget: SerDarts.TestOnly.Absent, 9.9.9\""), options);

        Assert.False(result.Succeeded);
        Assert.Contains("SerDarts.TestOnly.Absent", result.Failure!.Error);
    }

    /// <summary>A minimal nupkg: nuspec plus lib/net8.0/Tiny.dll, compiled here.</summary>
    private static void WritePackage(string feed, string id, string version, string source)
    {
        using var zip = ZipFile.Open(Path.Combine(feed, $"{id}.{version}.nupkg"), ZipArchiveMode.Create);
        Write(zip, $"{id}.nuspec", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
              <metadata><id>{id}</id><version>{version}</version><authors>tests</authors><description>test package</description></metadata>
            </package>
            """);
        using (var dll = zip.CreateEntry("lib/net8.0/Tiny.dll").Open())
            dll.Write(TestAssemblies.Compile("Tiny", source));
        Write(zip, "[Content_Types].xml", """
            <?xml version="1.0" encoding="utf-8"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="nuspec" ContentType="application/octet" /><Default Extension="dll" ContentType="application/octet" /></Types>
            """);
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open());
        writer.Write(text);
    }
}
