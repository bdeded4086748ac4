using SerDarts.NotebookHost.Documents;
using SerDarts.NotebookHost.Runner;

namespace SerDarts.Tests.Notebooks;

[Collection(NotebookRunnerCollection.Name)]
public class ParameterInjectionTests
{
    [Theory]
    [InlineData("n", "5", typeof(int), "int n = 5;")]
    [InlineData("lr", "1", typeof(double), "double lr = 1;")]
    [InlineData("lr", "-2.5e-3", typeof(double), "double lr = -2.5e-3;")]
    [InlineData("w", "0.5", typeof(float), "float w = 0.5f;")]
    [InlineData("m", "3", typeof(decimal), "decimal m = 3m;")]
    [InlineData("quick", "True", typeof(bool), "bool quick = true;")]
    [InlineData("path", "/data/IEMOCAP full", typeof(string), "string path = \"/data/IEMOCAP full\";")]
    [InlineData("path", "\"quoted\"", typeof(string), "string path = \"quoted\";")]
    [InlineData("path", "42", typeof(string), "string path = \"42\";")]
    [InlineData("seed", "7", null, "var seed = 7;")]
    [InlineData("corpus", "iemocap", null, "var corpus = \"iemocap\";")]
    public void Overrides_are_declared_with_the_defaults_type(string name, string value, Type? declared, string expected)
    {
        Assert.Equal(expected, ParameterInjection.Declaration(name, value, declared));
    }

    [Fact]
    public void A_value_that_is_not_a_literal_of_a_non_string_type_is_refused_with_the_parameter_named()
    {
        var error = Assert.Throws<FormatException>(() => ParameterInjection.Declaration("epochs", "ten", typeof(int)));
        Assert.Contains("epochs", error.Message);
        Assert.Throws<FormatException>(() => ParameterInjection.Declaration("not a name", "1", typeof(int)));
    }

    [Fact]
    public void Default_types_are_read_from_the_parameters_cells_syntax()
    {
        var types = ParameterInjection.DeclaredTypes(
            "var preset = \"small\";   // a comment\nvar epochs = 10;\ndouble lr = 0.1;\nvar scale = -1.5f;\nvar quick = false;\nvar day = DayOfWeek.Monday;");

        Assert.Equal(typeof(string), types["preset"]);
        Assert.Equal(typeof(int), types["epochs"]);
        Assert.Equal(typeof(double), types["lr"]);
        Assert.Equal(typeof(float), types["scale"]);
        Assert.Equal(typeof(bool), types["quick"]);
        Assert.NotEqual(typeof(DayOfWeek), types["day"]); // not knowable from syntax: converted when the cell runs
        Assert.Equal(6, types.Count);
    }

    [Fact]
    public async Task Parameters_are_injected_after_the_parameters_cell_and_override_the_defaults()
    {
        var doc = new NotebookBuilder()
            .Markdown("# p")
            .Code("var before = 1;")
            .Parameters("var epochs = 10;\ndouble lr = 0.1;\nstring corpus = \"embedded\";\nfloat scale = 1f;\nbool quick = false;\nvar day = DayOfWeek.Monday;")
            .Code("FormattableString.Invariant($\"{epochs}|{lr}|{corpus}|{scale}|{quick}|{day}|{lr.GetType().Name}|{scale.GetType().Name}\")")
            .Build();
        var options = new NotebookRunOptions
        {
            Parameters = NotebookRunOptions.ParseParameters(["epochs=3", "lr=1", "corpus=/data/iemocap", "scale=0.5", "quick=True", "day=friday"]),
        };

        var result = await new NotebookFixture().RunAsync(doc, options);

        Assert.True(result.Succeeded, result.Failure?.ToString());
        var cells = result.Executed.Elements;
        Assert.True(cells[2].HasTag("parameters"));
        Assert.True(cells[3].HasTag(ParameterInjection.InjectedTag));
        Assert.Contains("double lr = 1;", cells[3].Contents);
        Assert.Equal("3|1|/data/iemocap|0.5|True|Friday|Double|Single", NotebookFixture.Value(cells[4]));
        Assert.Equal([1, 2, 3, 4], cells.Where(c => c.IsCode()).Select(c => c.ExecutionOrder));
    }

    [Fact]
    public async Task Without_overrides_the_defaults_apply_and_nothing_is_injected()
    {
        var doc = new NotebookBuilder().Markdown("# p").Parameters("var epochs = 10;").Code("epochs").Build();

        var result = await new NotebookFixture().RunAsync(doc, new NotebookRunOptions());

        Assert.Equal(3, result.Executed.Elements.Count);
        Assert.Equal("10", NotebookFixture.Value(result.Executed.Elements[2]));
    }

    [Theory]
    [InlineData("var epochs = 10;", "epochs=ten", "'ten' is not a C# literal of type int")]
    [InlineData("var day = DayOfWeek.Monday;", "day=someday", "parameter 'day': 'someday' is not a DayOfWeek")]
    public async Task A_bad_override_fails_the_injected_cell_by_name(string parameters, string overrideText, string expected)
    {
        var doc = new NotebookBuilder().Markdown("# p").Parameters(parameters).Code("1").Build();
        var options = new NotebookRunOptions { Parameters = NotebookRunOptions.ParseParameters([overrideText]) };

        var result = await new NotebookFixture().RunAsync(doc, options);

        Assert.False(result.Succeeded);
        Assert.Equal(-1, result.Failure!.Index);
        Assert.Contains("injected parameters", result.Failure.ToString());
        Assert.Contains(expected, NotebookFixture.Error(result.Executed.Elements[2])!.ErrorValue);
    }

    [Fact]
    public void An_override_without_a_default_is_declared_with_var_and_reported()
    {
        var warnings = new List<string>();

        var source = ParameterInjection.Source("var runs = \"../runs\";", NotebookRunOptions.ParseParameters(["preset=smoke"]), warnings.Add);

        Assert.EndsWith("\nvar preset = \"smoke\";", source);
        Assert.Equal(["parameter 'preset' has no default in the parameters cell; declared with var"], warnings);
    }
}
