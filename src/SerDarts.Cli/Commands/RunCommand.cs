using System.CommandLine;
using SerDarts.Experiments.Execution;
using SerDarts.Experiments.Specs;
using SerDarts.Experiments.Store;
using SerDarts.Experiments.Suites;
using SerDarts.Runtime;

namespace SerDarts.Cli.Commands;

/// <summary><c>serdarts run --spec spec.json [--preset P]</c>: runs one experiment spec over its folds and seeds.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var spec = new Option<FileInfo>("--spec") { Description = "Experiment spec (JSON).", Required = true };
        var preset = PresetOption("Resize the spec: paper, small (2-core CPU) or smoke.");
        var options = RunnerCliOptions.Create();
        var command = new Command("run", "Run an experiment spec: every fold x seed, skipping trials already in the store.") { spec, preset };
        options.AddTo(command);
        command.SetAction(result => CliErrors.Run("run", () =>
            RunnerCli.Execute("run", result, options, Selection(result.GetValue(spec)!, result.GetValue(preset), result, options))));
        return command;
    }

    public static Option<string?> PresetOption(string description)
    {
        var preset = new Option<string?>("--preset") { Description = description };
        preset.AcceptOnlyFromAmong([.. ExperimentPresets.Names]);
        return preset;
    }

    /// <summary>The spec in <paramref name="file"/> with the preset and the command line's overrides, stored under its name.</summary>
    public static WorkSelection Selection(FileInfo file, string? preset, ParseResult result, RunnerCliOptions options)
    {
        var spec = SpecResolution.Resolve(ExperimentSpec.Load(file.FullName), preset, options.Overrides(result), file.Name);
        List<string> arguments = ["--spec", file.FullName];
        if (preset is not null) arguments.AddRange(["--preset", preset]);
        return new WorkSelection(spec.Name, [new SuiteVariant(spec.Name, "spec", "", 0, spec)], runner => runner.PlanSpec(spec), arguments);
    }
}
