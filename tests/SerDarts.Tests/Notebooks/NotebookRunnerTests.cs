using Microsoft.DotNet.Interactive.Documents;
using SerDarts.NotebookHost.Documents;
using SerDarts.NotebookHost.Runner;

namespace SerDarts.Tests.Notebooks;

/// <summary>The runner over the hosted .NET Interactive kernel: what the kernel does, and how it is written down.</summary>
[Collection(NotebookRunnerCollection.Name)]
public class NotebookRunnerTests
{
    [Fact]
    public async Task A_redeclared_variable_takes_its_latest_declaration_and_type()
    {
        var result = await new NotebookFixture().RunCodeAsync("var x = 1;", "var x = \"three\";", "x.Length * 10");

        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Equal("50", NotebookFixture.Value(result.Executed.Elements[3]));
    }

    [Fact]
    public async Task A_cell_shows_its_value_only_when_it_ends_in_an_expression_without_semicolon()
    {
        var result = await new NotebookFixture().RunCodeAsync("Math.Max(1, 2);\n", "2 + 3", "Console.WriteLine()");

        var cells = result.Executed.Elements;
        Assert.Empty(NotebookFixture.Bundles(cells[1]));
        Assert.Single(cells[2].Outputs.OfType<ReturnValueElement>());
        Assert.Equal("5", NotebookFixture.Value(cells[2]));
        Assert.Empty(NotebookFixture.Bundles(cells[3])); // a void call has no value
    }

    [Fact]
    public async Task A_failing_cell_stops_the_run_names_the_cell_and_keeps_outputs_up_to_it()
    {
        var result = await new NotebookFixture().RunCodeAsync(
            "Console.WriteLine(\"before\");",
            "var n = 2;\nthrow new InvalidOperationException(\"boom \" + n);",
            "Console.WriteLine(\"never\");");

        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Failure!.Index); // cell 0 is the markdown cell
        Assert.Equal("var n = 2;", result.Failure.FirstLine);
        Assert.Contains("boom 2", result.Failure.Error);

        var written = NotebookFile.Load(result.OutputPath).Elements; // written despite the failure
        Assert.Equal([("stdout", "before\n")], NotebookFixture.Streams(written[1]));
        Assert.Equal(1, written[1].ExecutionOrder);
        var error = NotebookFixture.Error(written[2])!;
        Assert.Equal("Error", error.ErrorName); // as the kernel's Jupyter front end names it
        Assert.Contains("InvalidOperationException: boom 2", error.ErrorValue);
        Assert.Empty(written[3].Outputs);
        Assert.Equal(0, written[3].ExecutionOrder);
    }

    [Fact]
    public async Task A_compile_error_fails_the_cell_and_shows_the_compilers_diagnostic()
    {
        var result = await new NotebookFixture().RunCodeAsync("int x = \"text\";");

        Assert.False(result.Succeeded);
        var cell = result.Executed.Elements[1];
        Assert.Equal("compilation error", NotebookFixture.Error(cell)!.ErrorValue);
        Assert.Contains(NotebookFixture.Streams(cell), s => s.Name == "stderr" && s.Text.Contains("CS0029"));
    }

    [Fact]
    public async Task Cells_run_in_the_notebooks_folder_resolve_relative_references_there_and_the_directory_is_restored()
    {
        var fixture = new NotebookFixture();
        File.WriteAllText(Path.Combine(fixture.Folder, "data.txt"), "beside the notebook");
        TestAssemblies.CompileTo(Path.Combine(fixture.Folder, "lib", "Greetings.dll"), "Greetings",
            "namespace Greetings { public static class Greeter { public static string Hello(string n) => \"hello \" + n; } }");
        var before = Environment.CurrentDirectory;

        var result = await fixture.RunCodeAsync("System.IO.File.ReadAllText(\"data.txt\")", "#r \"lib/Greetings.dll\"\nGreetings.Greeter.Hello(\"notebook\")");

        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Equal("beside the notebook", NotebookFixture.Value(result.Executed.Elements[1]));
        Assert.Equal("hello notebook", NotebookFixture.Value(result.Executed.Elements[2]));
        Assert.Equal(before, Environment.CurrentDirectory);
    }

    [Fact]
    public async Task Batch_runs_notebooks_in_name_order_into_the_executed_folder_and_stops_at_a_failure()
    {
        var fixture = new NotebookFixture("batch");
        // Each notebook appends its name to a shared file, so the order of runs is observable.
        fixture.Write(NotebookFixture.Build("System.IO.File.AppendAllText(\"order.txt\", \"02 \");"), "02-second.ipynb");
        fixture.Write(NotebookFixture.Build("System.IO.File.AppendAllText(\"order.txt\", \"01 \");"), "01-first.ipynb");
        fixture.Write(NotebookFixture.Build("throw new Exception(\"x\");"), "03-fails.ipynb");
        fixture.Write(NotebookFixture.Build("System.IO.File.AppendAllText(\"order.txt\", \"04 \");"), "04-after.ipynb");

        var results = await NotebookBatch.RunAllAsync(fixture.Folder, null, new NotebookRunOptions());

        Assert.Equal("01 02 ", File.ReadAllText(Path.Combine(fixture.Folder, "order.txt")));
        Assert.Equal([true, true, false], results.Select(r => r.Succeeded));
        Assert.True(File.Exists(Path.Combine(fixture.Folder, "executed", "03-fails.ipynb")));
        Assert.False(File.Exists(Path.Combine(fixture.Folder, "executed", "04-after.ipynb")));
    }
}
