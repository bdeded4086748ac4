using System.CommandLine;
using SerDarts.Experiments.Suites;
using Spectre.Console;

namespace SerDarts.Cli.Commands;

/// <summary><c>serdarts ablate --suite paper|FILE.json [--preset small]</c>: runs every variant of a suite, here
/// (<c>--parallel N</c> worker processes) or as a Slurm job array (<c>--slurm --workers N</c>).</summary>
internal static class AblateCommand
{
    public static Command Create()
    {
        var suite = new SuiteCliOptions(required: true);
        var list = new Option<bool>("--list") { Description = "Print the expanded variants and exit." };
        var print = new Option<bool>("--print-suite") { Description = "Print the suite as JSON (a template for your own) and exit." };
        var plan = new Option<bool>("--plan") { Description = "Print the resolved trials (variant, fold, seed, spec hash) and the fields where variants differ, as JSON; run nothing." };
        var options = RunnerCliOptions.Create();
        var slurm = new SlurmCliOptions();
        var command = new Command("ablate", "Run an ablation suite: every variant x fold x seed, skipping trials already in the store.") { list, print, plan };
        suite.AddTo(command);
        options.AddTo(command);
        slurm.AddTo(command);
        command.SetAction(result => CliErrors.Run("ablate", () =>
        {
            var spec = suite.Resolve(result);
            if (result.GetValue(print)) { Console.WriteLine(SuiteFile.ToJson(spec)); return 0; }
            var selection = suite.Selection(result, options);
            if (result.GetValue(list)) { PrintVariants(suite.Variants(result, options)); return 0; }
            if (result.GetValue(plan))
            {
                result.InvocationConfiguration.Output.WriteLine(SuitePlan.Json(selection.Label, selection.Variants, s => Features.FoldData.Folds(s.Corpus, s.Split).Folds.Count));
                return 0;
            }
            return result.GetValue(slurm.Slurm) ? slurm.Submit(result, options, selection) : RunnerCli.Execute("ablate", result, options, selection);
        }));
        return command;
    }

    private static void PrintVariants(IReadOnlyList<SuiteVariant> variants)
    {
        var table = new Table().AddColumns("#", "variant", "model", "cells", "LSTM", "features", "grid", "folds", "seeds", "spec hash");
        foreach (var v in variants)
            table.AddRow(v.Ordinal.ToString(), v.Name, v.Spec.Model, v.Spec.Network.Cells.ToString(), v.Spec.Network.Head.LstmLayers.ToString(),
                v.Spec.Features.Kind, v.Spec.Features.Grid, v.Spec.Folds is null ? "all" : string.Join(",", v.Spec.Folds),
                string.Join(",", v.Spec.Seeds), v.SpecHash[..12]);
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"{variants.Count} variants, {variants.Select(v => v.SpecHash).Distinct().Count()} distinct specs (equal specs share their trials).");
    }
}

/// <summary>Which suite ablate and worker run: a built-in name or a JSON file, a preset, and a corpus for every variant.</summary>
internal sealed class SuiteCliOptions(bool required)
{
    public Option<string?> Suite { get; } = new("--suite") { Description = "Built-in suite (paper) or a suite JSON file.", Required = required };
    public Option<string?> Preset { get; } = RunCommand.PresetOption("Resize every variant: paper, small (2-core CPU) or smoke.");
    public Option<string?> Corpus { get; } = new("--corpus") { Description = "Corpus name for every variant (default: the suite's)." };
    public Option<string?> Root { get; } = new("--root") { Description = "Corpus folder for every variant." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Suite, Preset, Corpus, Root }) command.Options.Add(option);
    }

    public SuiteSpec Resolve(ParseResult result) => SuiteCatalog.Resolve(result.GetValue(Suite)!);

    public IReadOnlyList<SuiteVariant> Variants(ParseResult result, RunnerCliOptions options) =>
        SuiteExpansion.Expand(Resolve(result), result.GetValue(Preset), options.Overrides(result, result.GetValue(Corpus), result.GetValue(Root)));

    /// <summary>The suite's label and plan, and the worker arguments that select the same suite (paths made absolute).</summary>
    public WorkSelection Selection(ParseResult result, RunnerCliOptions options)
    {
        var label = SuiteExpansion.Label(Resolve(result), result.GetValue(Preset));
        var variants = Variants(result, options);
        var name = result.GetValue(Suite)!;
        var arguments = new List<string> { "--suite", File.Exists(name) ? Path.GetFullPath(name) : name };
        if (result.GetValue(Preset) is { } preset) arguments.AddRange(["--preset", preset]);
        if (result.GetValue(Corpus) is { } corpus) arguments.AddRange(["--corpus", corpus]);
        if (result.GetValue(Root) is { } root) arguments.AddRange(["--root", Path.GetFullPath(root)]);
        return new WorkSelection(label, variants, runner => runner.PlanSuite(label, variants), arguments);
    }
}
