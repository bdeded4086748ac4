using Microsoft.Data.Sqlite;
using SerDarts.Networks;
using SerDarts.Experiments;

namespace SerDarts.Tests.Experiments;

public class ResultsStoreTests
{
    private const int EpochsPerTrial = 3, SearchEpochsPerTrial = 2, ConfusionCells = 16;

    [Fact]
    public void Concurrent_writer_threads_with_their_own_connections_lose_nothing()
    {
        using var folder = new TempFolder();
        var db = folder.File("results.db");
        const int threads = 8, trialsEach = 10;

        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            using var store = ResultsStore.Open(db); // each thread opens the file itself
            var owner = TrialOwner.ForThisProcess();
            for (var i = 0; i < trialsEach; i++)
                StoreWriting.ClaimAndComplete(store, new TrialSpec(TestSpecs.FourFolds("writers"), t * trialsEach + i, 0), owner);
        });

        AssertRowCounts(db, threads * trialsEach);
    }

    [Fact]
    public void Concurrent_writer_processes_lose_nothing()
    {
        using var folder = new TempFolder();
        var db = folder.File("results.db");
        const int processes = 3, trialsEach = 20;
        var children = Enumerable.Range(0, processes)
            .Select(p => ChildProcess.Start("store-writer", ("STORE", db), ("FROM", (p * trialsEach).ToString()), ("COUNT", trialsEach.ToString()),
                ("READY", folder.File($"ready-{p}")), ("GO", folder.File("go"))))
            .ToList();
        try
        {
            using (var store = ResultsStore.Open(db))
            {
                // A barrier: every writer process is up before anyone writes, and this process writes at the same time.
                var waited = System.Diagnostics.Stopwatch.StartNew();
                while (!Enumerable.Range(0, processes).All(p => File.Exists(folder.File($"ready-{p}"))))
                {
                    Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "writer processes did not start: " + string.Join("\n", children.Select(c => c.Output)));
                    Thread.Sleep(10);
                }
                File.WriteAllText(folder.File("go"), "go");
                var owner = TrialOwner.ForThisProcess();
                for (var i = 0; i < trialsEach; i++)
                    StoreWriting.ClaimAndComplete(store, new TrialSpec(TestSpecs.FourFolds("writers"), processes * trialsEach + i, 0), owner);
            }
            foreach (var child in children) Assert.True(child.WaitForExit(TimeSpan.FromSeconds(120)) == 0, child.Output);
        }
        finally
        {
            foreach (var child in children) child.Dispose();
        }

        AssertRowCounts(db, (processes + 1) * trialsEach);
    }

    [Fact]
    public void Outcome_round_trips_through_the_store()
    {
        using var folder = new TempFolder();
        using var store = ResultsStore.Open(folder.File("results.db"));
        var trial = new TrialSpec(TestSpecs.FourFolds(), 2, 1);
        var id = StoreWriting.ClaimAndComplete(store, trial, TrialOwner.ForThisProcess());
        var expected = FakeOutcomes.For(trial);

        var report = store.ReadTestReport(id)!;
        Assert.Equal((expected.Test.UnweightedAccuracy, expected.Test.WeightedAccuracy, expected.Test.MacroF1),
            (report.UnweightedAccuracy, report.WeightedAccuracy, report.MacroF1));
        Assert.Equal(FakeOutcomes.Confusion(2, 1), report.Confusion);
        Assert.Equal(["neutral", "happy", "sad", "angry"], report.Classes);
        Assert.Equal(FakeOutcomes.Epochs(3), store.ReadEpochs(id));
        var search = store.ReadSearchEpochs(id);
        Assert.Equal([1, 2], search.Select(s => s.Epoch));
        Assert.Equal(FakeOutcomes.Weights(14, 2, 0), search[1].NormalWeights);
        Assert.Equal(FakeOutcomes.Weights(14, 2, 1), search[1].ReduceWeights);
        Assert.Equal(FakeOutcomes.Operations, search[0].Operations);
        Assert.Equal([1, 2], search.Select(s => s.NormalSkipCount));
        AssertGenotype(FakeOutcomes.Genotype(), search[0].Genotype);
        AssertGenotype(FakeOutcomes.Genotype(), store.ReadGenotype(id)!);
        Assert.Equal(FakeOutcomes.Parameters(trial.Spec), store.ReadTrialMetrics().Single().Parameters);
    }

    [Fact]
    public void Store_file_is_in_wal_mode()
    {
        using var folder = new TempFolder();
        using (ResultsStore.Open(folder.File("results.db"))) { }
        using var connection = new SqliteConnection($"Data Source={folder.File("results.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public void Store_written_by_a_newer_schema_is_refused_with_its_path()
    {
        using var folder = new TempFolder();
        var db = folder.File("results.db");
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 99;";
            command.ExecuteNonQuery();
        }
        var e = Assert.Throws<InvalidDataException>(() => ResultsStore.Open(db));
        Assert.Contains(db, e.Message);
        Assert.Contains("schema 99", e.Message);
    }

    [Fact]
    public void Opening_a_missing_store_for_reading_names_the_file()
    {
        var e = Assert.Throws<FileNotFoundException>(() => ResultsStore.OpenExisting("/nonexistent/results.db"));
        Assert.Contains("/nonexistent/results.db", e.Message);
    }

    [Fact]
    public void Completing_a_trial_twice_stores_it_once()
    {
        using var folder = new TempFolder();
        using var store = ResultsStore.Open(folder.File("results.db"));
        var trial = new TrialSpec(TestSpecs.FourFolds(), 0, 0);
        var id = StoreWriting.ClaimAndComplete(store, trial, TrialOwner.ForThisProcess());
        var now = DateTime.UtcNow;

        var again = store.Complete(id, FakeOutcomes.For(trial), new TrialProvenance("{}", trial.SpecHash, 0, null, "x", null, "cpu", "h", now, now));

        Assert.False(again);
        AssertRowCounts(folder.File("results.db"), 1);
    }

    [Fact]
    public void Data_frames_carry_the_stored_values_and_missing_values_as_nulls()
    {
        using var folder = new TempFolder();
        using var store = ResultsStore.Open(folder.File("results.db"));
        var spec = TestSpecs.FourFolds();
        store.RegisterVariants("s", [new SuiteVariant("v", "f", "l", 0, spec), new SuiteVariant("empty", "f", "m", 1, spec with { Network = spec.Network with { Kind = NetworkKinds.Cnn } })]);
        var id = StoreWriting.ClaimAndComplete(store, new TrialSpec(spec, 1, 0), TrialOwner.ForThisProcess());

        var aggregates = store.Aggregates("s");
        Assert.Equal(["suite", "variant", "factor", "level", "model", "trials", "folds", "seeds", "ua_mean", "ua_std", "wa_mean", "wa_std",
            "macro_f1_mean", "macro_f1_std", "parameters", "spec_hash"], aggregates.Columns.Select(c => c.Name));
        Assert.Equal(2L, aggregates.Rows.Count);
        Assert.Equal(FakeOutcomes.Ua(spec, 1, 0), (double)aggregates["ua_mean"][0]!, 12);
        Assert.Null(aggregates["ua_std"][0]); // one trial: no sample standard deviation
        Assert.Null(aggregates["ua_mean"][1]); // no trial at all
        Assert.Equal(0L, aggregates["trials"][1]);
        var confusion = store.Confusion(id);
        Assert.Equal(16L, confusion.Rows.Count);
        Assert.Equal(("neutral", "neutral", 11L), ((string)confusion["truth"][0]!, (string)confusion["predicted"][0]!, (long)confusion["count"][0]!));
        var weights = store.ArchitectureWeights(id);
        Assert.Equal(2L * 2 * 14 * 8, weights.Rows.Count);
        Assert.Equal(0.4, (double)weights["weight"][1]!); // epoch 1, normal, edge 0: operation (0 + 1 + 0) mod 8 = 1 carries 0.4
        Assert.Equal(3L, store.Epochs(id).Rows.Count);
        Assert.Equal(1L, store.Trials().Rows.Count);
        Assert.Equal(1L, store.Provenance().Rows.Count);
    }

    private static void AssertGenotype(SerDarts.Networks.Genotype expected, SerDarts.Networks.Genotype actual)
    {
        Assert.Equal(expected.Normal.SelectMany(n => n), actual.Normal.SelectMany(n => n));
        Assert.Equal(expected.Reduce.SelectMany(n => n), actual.Reduce.SelectMany(n => n));
        Assert.Equal(expected.NormalConcat, actual.NormalConcat);
        Assert.Equal(expected.ReduceConcat, actual.ReduceConcat);
    }

    /// <summary>Counts rows with plain SQL on a fresh connection, independent of the store's own readers.</summary>
    private static void AssertRowCounts(string db, int trials)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        long Count(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return (long)command.ExecuteScalar()!;
        }
        Assert.Equal(trials, Count("SELECT COUNT(*) FROM trials WHERE status = 'completed'"));
        Assert.Equal(trials, Count("SELECT COUNT(DISTINCT fold) FROM trials"));
        Assert.Equal(trials, Count("SELECT COUNT(*) FROM metrics"));
        Assert.Equal(trials, Count("SELECT COUNT(*) FROM provenance"));
        Assert.Equal(trials, Count("SELECT COUNT(*) FROM genotypes"));
        Assert.Equal(trials * EpochsPerTrial, Count("SELECT COUNT(*) FROM epochs"));
        Assert.Equal(trials * SearchEpochsPerTrial, Count("SELECT COUNT(*) FROM search_epochs"));
        Assert.Equal(trials * ConfusionCells, Count("SELECT COUNT(*) FROM confusion"));
    }
}
