using Microsoft.Data.Analysis;
using SerDarts.Experiments.Analysis;
using SerDarts.Experiments.Execution;
using SerDarts.Experiments.Specs;
using SerDarts.Experiments.Store;
using SerDarts.Experiments.Suites;
using SerDarts.Networks;
using SerDarts.Reporting;

namespace SerDarts.Tests.Experiments;

/// <summary>The same trials stored through SQLite and through PostgreSQL read back as the same tables.</summary>
public class StoreParityTests
{
    [PostgresFact]
    public void Postgres_and_sqlite_stores_return_identical_tables_for_the_same_trials()
    {
        using var folder = new TempFolder();
        using var sqlite = TestStore.Create(TestStore.Sqlite, folder);
        using var postgres = TestStore.Create(TestStore.Postgres, folder);
        var variants = SuiteExpansion.Expand(PaperSuite.Create(), ExperimentPresets.Small, new SpecOverrides(Folds: [0, 1], Seeds: [0, 1]));
        var tables = new[] { sqlite, postgres }.Select(db =>
        {
            using var store = db.Open();
            new ExperimentRunner(store, new ScriptedExecutor(folds: 5), TestSpecs.Options(folder)).RunSuite("paper@small", variants);
            return Tables(store);
        }).ToList();

        var trials = 4 * variants.Select(v => v.SpecHash).Distinct().Count(); // folds 0-1 x seeds 0-1 per distinct spec
        var dartsTrials = 4 * variants.Where(v => v.Spec.Model == NetworkKinds.Darts).Select(v => v.SpecHash).Distinct().Count();
        Assert.Equal(10 + 2 * trials + 2 * dartsTrials, tables[0].Count); // 10 store-wide tables, 2 per trial, 2 more per darts trial
        Assert.Equal(tables[0].Keys, tables[1].Keys);
        foreach (var (name, csv) in tables[0]) Assert.True(csv == tables[1][name], $"{name} differs:\n{csv}\n---\n{tables[1][name]}");
        Assert.Contains("0.6", tables[0]["aggregates"]); // the tables hold values, not just headers
    }

    /// <summary>Every table the store offers, as CSV (full precision), without the columns that record when and where
    /// a trial ran (times, run directories), which differ between any two runs.</summary>
    private static Dictionary<string, string> Tables(ResultsStore store)
    {
        var tables = new Dictionary<string, string>
        {
            ["aggregates"] = Csv(store.Aggregates("paper@small")),
            ["trial metrics"] = Csv(store.TrialMetrics("paper@small")),
            ["trials"] = Csv(store.Trials("paper@small"), "started_utc", "ended_utc", "run_dir"),
            ["provenance"] = Csv(store.Provenance("paper@small"), "started_utc", "ended_utc"),
            ["suites"] = string.Join(",", store.ReadSuites()),
            ["variants"] = string.Join("\n", store.ReadVariants()),
            ["specs"] = string.Join("\n", store.ReadSpecs().OrderBy(s => s.Key).Select(s => s.Key + " " + s.Value.ToJson(false))),
            ["counts"] = store.ReadTrialCounts().ToString(),
            ["genotypes"] = string.Join("\n", store.ReadTrials().Select(t => StoreJson.Write(store.ReadGenotype(t.TrialId)))),
            ["reports"] = string.Join("\n", store.ReadTrials().Select(t => StoreJson.Write(store.ReadTestReport(t.TrialId)))),
        };
        foreach (var trial in store.ReadTrials())
        {
            tables[$"epochs {trial.TrialId}"] = Csv(store.Epochs(trial.TrialId));
            tables[$"confusion {trial.TrialId}"] = Csv(store.Confusion(trial.TrialId));
            if (trial.Model != NetworkKinds.Darts) continue;
            tables[$"search {trial.TrialId}"] = Csv(store.SearchEpochs(trial.TrialId));
            tables[$"weights {trial.TrialId}"] = Csv(store.ArchitectureWeights(trial.TrialId));
        }
        return tables;
    }

    private static string Csv(DataFrame frame, params string[] drop)
    {
        foreach (var column in drop) frame.Columns.Remove(column);
        return TableRenderer.ToCsv(frame);
    }
}
