using SerDarts.Notebooks.Documents;
using SerDarts.Notebooks.Runner;

namespace SerDarts.Tests.Notebooks;

[Collection(NotebookRunnerCollection.Name)]
public class NotebookRunnerTests
{
    [Fact]
    public async Task A_redeclared_variable_takes_its_latest_declaration_and_type()
    {
        var result = await new NotebookFixture().RunCodeAsync("var x = 1;", "var x = \"three\";", "x.Length * 10");

        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Equal("50", NotebookFixture.Value(result.Executed.Cells[3]));
    }

    [Fact]
    public async Task Top_level_await_runs_and_its_result_is_the_cell_value()
    {
        var result = await new NotebookFixture().RunCodeAsync("var v = await Task.Run(() => 6 * 7);\nawait Task.Delay(1);\nv");

        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Equal("42", NotebookFixture.Value(result.Executed.Cells[1]));
    }

    [Fact]
    public async Task A_cell_shows_its_value_only_when_it_ends_in_an_expression_without_semicolon()
    {
        var result = await new NotebookFixture().RunCodeAsync("Math.Max(1, 2);\n", "2 + 3", "Console.WriteLine()", "string s = null;\ns");

        var cells = result.Executed.Cells;
        Assert.Empty(NotebookFixture.Bundles(cells[1]));
        Assert.Equal("5", NotebookFixture.Value(cells[2]));
        Assert.Empty(NotebookFixture.Bundles(cells[3])); // a void call has no value
        Assert.Equal("<null>", NotebookFixture.Value(cells[4]));
    }

    [Fact]
    public async Task A_failing_cell_stops_the_run_names_the_cell_and_keeps_outputs_up_to_it()
    {
        var fixture = new NotebookFixture();
        var result = await fixture.RunCodeAsync(
            "Console.WriteLine(\"before\");",
            "var n = 2;\nthrow new InvalidOperationException(\"boom \" + n);",
            "Console.WriteLine(\"never\");");

        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Failure!.Index); // cell 0 is the markdown cell
        Assert.Equal("var n = 2;", result.Failure.FirstLine);
        Assert.Contains("InvalidOperationException: boom 2", result.Failure.Error);

        var written = NotebookDocument.Load(result.OutputPath); // written despite the failure
        Assert.Equal([("stdout", "before\n")], NotebookFixture.Streams(written.Cells[1]));
        Assert.Equal(1, written.Cells[1].ExecutionCount);
        var error = NotebookFixture.Error(written.Cells[2])!;
        Assert.Equal("InvalidOperationException", error["ename"]!.GetValue<string>());
        Assert.Equal("boom 2", error["evalue"]!.GetValue<string>());
        Assert.Contains(error["traceback"]!.AsArray(), l => l!.GetValue<string>().Contains("test.ipynb#2.csx:line 2"));
        Assert.Empty(written.Cells[3].Outputs);
        Assert.Null(written.Cells[3].ExecutionCount);
    }

    [Fact]
    public async Task A_compile_error_fails_the_cell_with_the_compilers_diagnostic()
    {
        var result = await new NotebookFixture().RunCodeAsync("int x = \"text\";");

        Assert.False(result.Succeeded);
        Assert.Contains("CS0029", result.Failure!.Error);
        Assert.Equal("CompilationErrorException", NotebookFixture.Error(result.Executed.Cells[1])!["ename"]!.GetValue<string>());
    }

    [Fact]
    public async Task State_before_a_failure_inside_a_cell_is_kept()
    {
        using var kernel = new ScriptKernel(Path.GetTempPath(), SerDarts.Notebooks.NotebookFormatters.Default, new NuGetRestorer());
        await kernel.RunAsync("var a = 5;", "c0");
        var failed = await kernel.RunAsync("a = 6;\nthrow new Exception(\"stop\");", "c1");
        var after = await kernel.RunAsync("a * 7", "c2");

        Assert.False(failed.Succeeded);
        Assert.True(after.Succeeded);
        Assert.Equal("42", SerDarts.Notebooks.Documents.NotebookOutputs.ReadBundle(after.Outputs[0])!["text/plain"]);
    }

    [Fact]
    public async Task Cells_run_in_the_notebooks_folder_and_the_working_directory_is_restored()
    {
        var fixture = new NotebookFixture();
        File.WriteAllText(Path.Combine(fixture.Folder, "data.txt"), "beside the notebook");
        var before = Environment.CurrentDirectory;

        var result = await fixture.RunCodeAsync("System.IO.File.ReadAllText(\"data.txt\")");

        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Equal("beside the notebook", NotebookFixture.Value(result.Executed.Cells[1]));
        Assert.Equal(before, Environment.CurrentDirectory);
    }

    [Fact]
    public async Task Default_imports_are_those_of_the_kernel()
    {
        var result = await new NotebookFixture().RunCodeAsync(
            "var sb = new StringBuilder(\"ab\");\nIEnumerable e = new List<int> { 1 };\nawait Task.Yield();\nsb.Append(new[] { 3, 1 }.Max()).ToString()");

        Assert.True(result.Succeeded, result.Failure?.ToString());
        Assert.Equal("ab3", NotebookFixture.Value(result.Executed.Cells[1]));
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
