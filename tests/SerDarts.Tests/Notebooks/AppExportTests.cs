using Microsoft.DotNet.Interactive.Documents;
using SerDarts.NotebookHost.Apps;
using SerDarts.NotebookHost.Documents;

namespace SerDarts.Tests.Notebooks;

/// <summary>
/// <c>serdarts notebook export</c>: the fixture notebook (Fixtures/tiny-app.ipynb) against the app written by hand
/// (Fixtures/tiny-app.cs.expected), and the refusals of kernel-only syntax, each naming its cell.
/// </summary>
public class AppExportTests
{
    private static readonly AppExportOptions Options = new("/src/SerDarts/SerDarts.csproj");

    [Fact]
    public void The_fixture_exports_to_the_app_written_by_hand()
    {
        var doc = NotebookFile.Load(Fixture("tiny-app.ipynb"));

        var app = AppExport.Translate(doc, "/nb/tiny-app.ipynb", "/apps/tiny.cs", Options);

        // Directives (SerDarts as the project, TorchSharp-cpu as a package, #!csharp dropped), usings hoisted with the
        // kernel's default imports, the parameters as name=value arguments, cells in order, the final value displayed,
        // the record moved after the statements.
        Assert.Equal(File.ReadAllText(Fixture("tiny-app.cs.expected")).ReplaceLineEndings("\n"), app.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("#!time", "the magic command #!time exists only in the .NET Interactive kernel")]
    [InlineData("#r \"/opt/lib/Extra.dll\"", "#r \"/opt/lib/Extra.dll\" references an assembly file")]
    [InlineData("#i \"nuget: /opt/feed\"", "#i \"nuget: /opt/feed\" adds a package source")]
    [InlineData("#load \"helpers.csx\"", "#load \"helpers.csx\" loads a script")]
    [InlineData("#r \"nuget: Extra\"", "#r \"nuget: Extra\" names no version")]
    public void Kernel_only_lines_without_an_app_equivalent_are_refused_naming_the_cell(string line, string why)
    {
        var doc = new NotebookBuilder().Markdown("# t").Code("var a = 1;").Code($"{line}\nvar b = 2;").Build();

        var error = Assert.Throws<InvalidDataException>(() => AppExport.Translate(doc, "/nb/t.ipynb", "/apps/t.cs", Options));

        Assert.StartsWith($"t.ipynb: cell 2 (id {doc.Elements[2].Id}) {why}", error.Message);
    }

    [Fact]
    public void Packages_become_package_directives_and_the_library_the_project()
    {
        var doc = new NotebookBuilder().Markdown("# t")
            .Code("#r \"nuget: serdarts, 0.1.0\"\n#r \"nuget:Newtonsoft.Json,13.0.3\"\n#r \"nuget: TorchSharp-cpu, 0.107.0\"").Build();

        var app = AppExport.Translate(doc, "/nb/t.ipynb", "/apps/t.cs", Options);

        Assert.Contains("#:project /src/SerDarts/SerDarts.csproj\n#:package Newtonsoft.Json@13.0.3\n#:package TorchSharp-cpu@0.107.0\n#:property PublishAot=false\n",
            app.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("#r", app);
    }

    [Fact]
    public void A_variable_declared_again_in_a_later_cell_is_refused_naming_both_cells()
    {
        var doc = new NotebookBuilder().Markdown("# t").Code("var label = \"a\";").Code("var x = 1;").Code("var label = \"b\";").Build();

        var error = Assert.Throws<InvalidDataException>(() => AppExport.Translate(doc, "/nb/t.ipynb", "/apps/t.cs", Options));

        Assert.Contains("cell 3", error.Message);
        Assert.Contains("declares 'label' again (cell 1 declared it)", error.Message);
    }

    [Theory]
    [InlineData("var epochs = 3;\nConsole.WriteLine(epochs);", "holds 'Console.WriteLine(epochs);'")]
    [InlineData("int epochs;", "declares 'epochs' without a default")]
    public void A_parameters_cell_holds_only_declarations_with_defaults(string parameters, string why)
    {
        var doc = new NotebookBuilder().Markdown("# t").Parameters(parameters).Build();

        var error = Assert.Throws<InvalidDataException>(() => AppExport.Translate(doc, "/nb/t.ipynb", "/apps/t.cs", Options));

        Assert.Contains($"cell 1 (id {doc.Elements[1].Id}) {why}", error.Message);
    }

    [Fact]
    public void A_cell_of_another_kernel_or_one_that_does_not_parse_is_refused()
    {
        var fsharp = new NotebookBuilder().Markdown("# t").Build();
        fsharp.Elements.Add(NotebookFile.Cell("fs", "fsharp", "let x = 1", []));
        var broken = new NotebookBuilder().Markdown("# t").Code("var x = (1;").Build();

        Assert.Contains("cell 1 (id fs) runs in the 'fsharp' kernel",
            Assert.Throws<InvalidDataException>(() => AppExport.Translate(fsharp, "/nb/t.ipynb", "/apps/t.cs", Options)).Message);
        Assert.Contains("cell 1", Assert.Throws<InvalidDataException>(() => AppExport.Translate(broken, "/nb/t.ipynb", "/apps/t.cs", Options)).Message);
    }

    [Fact]
    public void A_cell_may_not_declare_a_name_the_app_uses_itself()
    {
        var doc = new NotebookBuilder().Markdown("# t").Code("var serdartsApp = 1;").Build();

        Assert.Contains("'serdartsApp'", Assert.Throws<InvalidDataException>(() => AppExport.Translate(doc, "/nb/t.ipynb", "/apps/t.cs", Options)).Message);
    }

    [Fact]
    public void The_checkouts_library_project_is_found_above_the_binaries()
    {
        var project = AppExport.FindLibraryProject(AppContext.BaseDirectory);

        Assert.NotNull(project);
        Assert.True(File.Exists(project));
        Assert.EndsWith(Path.Combine("src", "SerDarts", "SerDarts.csproj"), project);
        Assert.Null(AppExport.FindLibraryProject(Path.GetTempPath()));
    }

    internal static string Fixture(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "SerDarts.Tests", "Notebooks", "Fixtures", name);
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException($"tests/SerDarts.Tests/Notebooks/Fixtures/{name} not found above {AppContext.BaseDirectory}");
    }
}
