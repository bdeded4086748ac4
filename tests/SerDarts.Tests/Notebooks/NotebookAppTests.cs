using SerDarts.Notebooks;

namespace SerDarts.Tests.Notebooks;

/// <summary>
/// The runtime of exported apps: name=value arguments, conversion to the defaults' types, the working directory and
/// the page. It changes the working directory, as the runner does: same collection, and the directory is restored.
/// </summary>
[Collection(NotebookRunnerCollection.Name)]
public sealed class NotebookAppTests : IDisposable
{
    private readonly string _cwd = Directory.GetCurrentDirectory();
    private readonly string _folder = Directory.CreateTempSubdirectory("serdarts-app-").FullName;
    private readonly StringWriter _out = new(), _error = new();

    public void Dispose() => Directory.SetCurrentDirectory(_cwd);

    private NotebookAppInfo Info => new("Tiny", Path.Combine(_folder, "nb", "tiny.ipynb"), Path.Combine(_folder, "fallback.html"), ["epochs", "rate", "day", "name"]);

    private bool Start(string[] args, out NotebookApp? app, out int exitCode, string? entryPoint = null)
    {
        Directory.CreateDirectory(Path.Combine(_folder, "nb"));
        return NotebookApp.TryStart(args, Info, entryPoint, _out, _error, out app, out exitCode);
    }

    [Fact]
    public void Arguments_override_the_defaults_converted_to_their_types_and_unknown_names_are_ignored_with_a_warning()
    {
        Assert.True(Start(["epochs=4", "rate=0.25", "day=friday", "preset=smoke"], out var app, out _, Path.Combine(_folder, "apps", "tiny.cs")));

        Assert.Equal(4, app!.Parameter("epochs", 3));
        Assert.Equal(0.25, app.Parameter("rate", 0.5));
        Assert.Equal(DayOfWeek.Friday, app.Parameter("day", DayOfWeek.Monday));
        Assert.Equal("tiny", app.Parameter("name", "tiny"));
        Assert.Equal("warning: tiny.cs: parameter 'preset' is not in the notebook's parameters cell (epochs, rate, day, name); ignored",
            _error.ToString().Trim());
        Assert.Equal(Path.Combine(_folder, "nb"), Directory.GetCurrentDirectory()); // the kernel's working directory
        Assert.Equal(Path.Combine(_folder, "apps", "tiny.html"), app.PagePath); // beside the app, not the fallback
    }

    [Fact]
    public void An_argument_that_is_not_name_value_stops_the_app_with_exit_code_2()
    {
        Assert.False(Start(["epochs"], out var app, out var exitCode));

        Assert.Null(app);
        Assert.Equal(2, exitCode);
        Assert.Contains("argument 'epochs' is not name=value", _error.ToString());
    }

    [Fact]
    public void Help_lists_the_parameters_and_exits_0()
    {
        Assert.False(Start(["--help"], out _, out var exitCode));

        Assert.Equal(0, exitCode);
        Assert.Contains("parameters: epochs, rate, day, name", _out.ToString());
    }

    [Fact]
    public void A_value_that_does_not_fit_fails_naming_the_parameter_and_the_cell_with_exit_code_2()
    {
        Assert.True(Start(["epochs=ten"], out var app, out _));
        app!.Cell(2, "params");

        var error = Assert.Throws<ArgumentException>(() => app.Parameter("epochs", 3));

        Assert.Equal("parameter 'epochs': 'ten' is not a Int32", error.Message);
        Assert.Equal(2, app.Fail(error));
        Assert.Contains("fallback.cs: cell 2 (id params) failed: ArgumentException: parameter 'epochs': 'ten' is not a Int32", _error.ToString());
        Assert.Contains("cell 2 (id params) failed", File.ReadAllText(Path.Combine(_folder, "fallback.html")));
    }

    [Fact]
    public void Displays_go_to_the_page_which_is_saved_at_each_cell_and_at_the_end()
    {
        Assert.True(Start([], out var app, out _));
        app!.Cell(1, "a");
        app.Display("1 < 2");
        app.Cell(2, "b");
        var page = Path.Combine(_folder, "fallback.html");
        Assert.Contains("<pre>1 &lt; 2</pre>", File.ReadAllText(page)); // saved when cell 2 started
        app.Display(Display.Html("<i>done</i>"));

        Assert.Equal(0, app.Finish());

        Assert.Contains("<i>done</i>", File.ReadAllText(page));
        Assert.Equal($"wrote {page}", _out.ToString().Trim());
    }
}
