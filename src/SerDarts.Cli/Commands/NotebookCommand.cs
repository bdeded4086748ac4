using System.CommandLine;
using SerDarts.NotebookHost.Apps;
using SerDarts.NotebookHost.Documents;
using SerDarts.NotebookHost.Runner;

namespace SerDarts.Cli.Commands;

/// <summary>`serdarts notebook run|inject|export|new|check`: parsing and printing; the runner lives in SerDarts.Notebooks.</summary>
internal static class NotebookCommand
{
    public static Command Create()
    {
        var command = new Command("notebook", "Run notebooks headlessly in the .NET Interactive C# kernel; create and check them.");
        command.Subcommands.Add(Run());
        command.Subcommands.Add(Inject());
        command.Subcommands.Add(Export());
        command.Subcommands.Add(New());
        command.Subcommands.Add(Check());
        return command;
    }

    private static Command Run()
    {
        var notebook = new Argument<string?>("notebook") { Description = "The .ipynb to run.", Arity = ArgumentArity.ZeroOrOne };
        var parameters = new Option<string[]>("--param", "-p") { Description = "Override a parameter: name=value (repeatable)." };
        var output = new Option<string?>("--out") { Description = "Executed notebook path (default: executed/NAME.ipynb beside it)." };
        var all = new Option<string?>("--all") { Description = "Run every *.ipynb of this folder in name order." };
        var outputFolder = new Option<string?>("--out-dir") { Description = "With --all: folder for executed copies (default: FOLDER/executed)." };
        var command = new Command("run", "Execute a notebook in the .NET Interactive C# kernel (hosted here) and write the executed copy.")
            { notebook, parameters, output, all, outputFolder };
        command.SetAction(async (result, cancellation) =>
        {
            try { return await RunAsync(result, cancellation); }
            catch (Exception e) when (e is FormatException or ArgumentException or IOException)
            {
                Console.Error.WriteLine($"serdarts notebook run: {e.Message}");
                return 2;
            }
        });
        return command;

        async Task<int> RunAsync(ParseResult result, CancellationToken cancellation)
        {
            var options = new NotebookRunOptions
            {
                Parameters = NotebookRunOptions.ParseParameters(result.GetValue(parameters) ?? []),
                Log = line => Console.Error.WriteLine($"warning: {line}"),
            };
            var progress = new LineProgress();
            // A fresh clone has no local feed yet: pack the library into it first (or say what to run).
            var notebooks = result.GetValue(all) is { } batch
                ? Directory.GetFiles(batch, "*.ipynb")
                : result.GetValue(notebook) is { } single ? [single] : [];
            foreach (var file in notebooks) LocalFeed.EnsurePacked(file, line => Console.Error.WriteLine(line));
            if (result.GetValue(all) is { } folder)
                return Report(await NotebookBatch.RunAllAsync(folder, result.GetValue(outputFolder), options, progress, cancellation), folder);
            if (result.GetValue(notebook) is not { } path)
            {
                Console.Error.WriteLine("serdarts notebook run: give a notebook or --all FOLDER");
                return 2;
            }
            var target = result.GetValue(output)
                         ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, NotebookBatch.DefaultOutputFolderName, Path.GetFileName(path));
            return Report([await new NotebookRunner(options).RunAsync(path, target, progress, cancellation)], path);
        }
    }

    private static Command Inject()
    {
        var notebook = new Argument<string>("notebook") { Description = "The .ipynb to parameterise." };
        var parameters = new Option<string[]>("--param", "-p") { Description = "Override a parameter: name=value (repeatable)." };
        var output = new Option<string>("--out") { Description = "Where to write the notebook with the injected cell.", Required = true };
        var command = new Command("inject", "Write a copy with the parameters cell overridden, as `notebook run -p` runs it (for Jupyter: nbconvert --execute).")
            { notebook, parameters, output };
        command.SetAction(result =>
        {
            try
            {
                var options = new NotebookRunOptions
                {
                    Parameters = NotebookRunOptions.ParseParameters(result.GetValue(parameters) ?? []),
                    Log = line => Console.Error.WriteLine($"warning: {line}"),
                };
                NotebookFile.Save(NotebookRunner.Prepare(result.GetValue(notebook)!, options), result.GetValue(output)!);
                return 0;
            }
            catch (Exception e) when (e is FormatException or ArgumentException or IOException)
            {
                Console.Error.WriteLine($"serdarts notebook inject: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    private static Command Export()
    {
        var notebook = new Argument<string>("notebook") { Description = "The .ipynb to export." };
        var output = new Option<string>("--out") { Description = "The app to write (NAME.cs; its page goes to NAME.html beside it).", Required = true };
        var library = new Option<string?>("--library") { Description = "SerDarts.csproj to reference (default: this checkout's src/SerDarts/SerDarts.csproj)." };
        var command = new Command("export", "Write a notebook as a C# file-based app: dotnet run NAME.cs -- name=value writes NAME.html beside it.")
            { notebook, output, library };
        command.SetAction(result =>
        {
            var path = result.GetValue(notebook)!;
            try
            {
                var project = result.GetValue(library) is { } given ? Path.GetFullPath(given)
                    : AppExport.FindLibraryProject(AppContext.BaseDirectory, Path.GetDirectoryName(Path.GetFullPath(path))!);
                if (project is null || !File.Exists(project))
                {
                    Console.Error.WriteLine($"serdarts notebook export: {project ?? "src/SerDarts/SerDarts.csproj"} not found above the CLI or the notebook; give --library PATH");
                    return 2;
                }
                var app = result.GetValue(output)!;
                AppExport.Export(path, app, new AppExportOptions(project));
                Console.WriteLine($"wrote {app} (run: dotnet run {app} -- name=value ...)");
                return 0;
            }
            catch (Exception e) when (e is InvalidDataException or ArgumentException or FileNotFoundException or DirectoryNotFoundException)
            {
                Console.Error.WriteLine($"serdarts notebook export: {e.Message}");
                return 2;
            }
            catch (IOException e)
            {
                Console.Error.WriteLine($"serdarts notebook export: {e.Message}");
                return 3;
            }
        });
        return command;
    }

    private static int Report(IReadOnlyList<NotebookRunResult> results, string what)
    {
        if (results.Count == 0) Console.Error.WriteLine($"no notebooks in {what}");
        foreach (var r in results)
        {
            if (r.Succeeded) Console.WriteLine($"ok     {r.NotebookPath} -> {r.OutputPath} ({r.Elapsed.TotalSeconds:0.0} s)");
            else Console.Error.WriteLine($"FAILED {r.NotebookPath}: {r.Failure} (executed copy: {r.OutputPath})");
        }
        return results.All(r => r.Succeeded) ? 0 : 1;
    }

    private static Command New()
    {
        var path = new Argument<string>("notebook") { Description = "The .ipynb to create." };
        var title = new Option<string>("--title") { Description = "Heading of the first cell.", Required = true };
        var summary = new Option<string>("--summary") { Description = "What the notebook shows.", Required = true };
        var runTime = new Option<string>("--run-time") { Description = "How long a full run takes, e.g. \"about 5 minutes\".", Required = true };
        var parameters = new Option<string>("--parameters") { Description = "Source of the parameters cell.", DefaultValueFactory = _ => "var preset = \"small\";" };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing file." };
        var command = new Command("new", "Create a notebook with the standard header, setup and parameters cells.")
            { path, title, summary, runTime, parameters, force };
        command.SetAction(result =>
        {
            var file = result.GetValue(path)!;
            if (File.Exists(file) && !result.GetValue(force))
            {
                Console.Error.WriteLine($"{file} exists (use --force to overwrite)");
                return 1;
            }
            var header = new SerDartsNotebookHeader(result.GetValue(title)!, result.GetValue(summary)!,
                result.GetValue(runTime)!, result.GetValue(parameters)!);
            NotebookFile.Save(NotebookBuilder.ForSerDarts(header).Build(), file);
            Console.WriteLine($"created {file}");
            return 0;
        });
        return command;
    }

    private static Command Check()
    {
        var paths = new Argument<string[]>("notebooks") { Description = "Notebooks to check.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("check", "Check notebooks against the project's conventions (docs/arch/notebooks.md).") { paths };
        command.SetAction(result =>
        {
            int failed = 0;
            foreach (var file in result.GetValue(paths)!)
            {
                var problems = NotebookConventions.CheckFile(file);
                foreach (var problem in problems) Console.Error.WriteLine($"{file}: {problem}");
                if (problems.Count > 0) failed++;
                else Console.WriteLine($"ok     {file}");
            }
            return failed == 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary>One stderr line per cell event, written as it happens (Progress&lt;T&gt; would post them out of order).</summary>
    private sealed class LineProgress : IProgress<CellProgress>
    {
        public void Report(CellProgress value) => Console.Error.WriteLine(value);
    }
}
