using System.CommandLine;
using SerDarts.Experiments;
using Spectre.Console;

namespace SerDarts.Cli.Commands;

/// <summary><c>serdarts ablate --suite paper|FILE.json [--preset small]</c>: runs every variant of a suite.</summary>
internal static class AblateCommand
{
    public static Command Create()
    {
        var suite = new Option<string>("--suite") { Description = "Built-in suite (paper) or a suite JSON file.", Required = true };
        var preset = new Option<string?>("--preset") { Description = "Resize every variant: small (2-core CPU) or paper." };
        preset.AcceptOnlyFromAmong(ExperimentPresets.Names.ToArray());
        var corpus = new Option<string?>("--corpus") { Description = "Corpus name for every variant (default: the suite's)." };
        var root = new Option<string?>("--root") { Description = "Corpus folder for every variant." };
        var list = new Option<bool>("--list") { Description = "Print the expanded variants and exit." };
        var print = new Option<bool>("--print-suite") { Description = "Print the suite as JSON (a template for your own) and exit." };
        var options = RunnerCliOptions.Create();
        var command = new Command("ablate", "Run an ablation suite: every variant x fold x seed, skipping trials already in the store.")
            { suite, preset, corpus, root, list, print };
        options.AddTo(command);
        command.SetAction((result, cancellationToken) => Task.FromResult(CliErrors.Run("ablate", () =>
        {
            var spec = SuiteCatalog.Resolve(result.GetValue(suite)!);
            if (result.GetValue(print)) { Console.WriteLine(SuiteFile.ToJson(spec)); return 0; }
            var chosen = result.GetValue(preset);
            var variants = SuiteExpansion.Expand(spec, chosen, options.Overrides(result, result.GetValue(corpus), result.GetValue(root)));
            if (result.GetValue(list)) { PrintVariants(variants); return 0; }
            var label = SuiteExpansion.Label(spec, chosen);
            return RunnerCli.Run(label, (runner, progress) => runner.RunSuite(label, variants, progress, cancellationToken), options.Runner(result), options.StorePath(result));
        })));
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
