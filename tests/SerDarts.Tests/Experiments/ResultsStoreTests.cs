using Microsoft.Data.Sqlite;
using SerDarts.Experiments.Analysis;
using SerDarts.Experiments.Outcomes;
using SerDarts.Experiments.Specs;
using SerDarts.Experiments.Store;
using SerDarts.Experiments.Suites;
using SerDarts.Networks;

namespace SerDarts.Tests.Experiments;

public class ResultsStoreTests
{
    private const int EpochsPerTrial = 3, SearchEpochsPerTrial = 2, ConfusionCells = 16;

    [Theory, InlineData(TestStore.Sqlite), PostgresBackend]
    public void Concurrent_writer_threads_with_their_own_connections_lose_nothing(string backend)
    {
        using var folder = new TempFolder();
        using var db = TestStore.Create(backend, folder);
        const int threads = 8, trialsEach = 10;

        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            using var store = db.Open(); // each thread opens the store itself
            var owner = TrialOwner.ForThisProcess();
            for (var i = 0; i < trialsEach; i++)
                StoreWriting.ClaimAndComplete(store, new TrialSpec(TestSpecs.FourFolds("writers"), t * trialsEach + i, 0), owner);
        });

        AssertRowCounts(db, threads * trialsEach);
    }

    [Theory, InlineData(TestStore.Sqlite), PostgresBackend]
    public void Concurrent_writer_processes_lose_nothing(string backend)
    {
        using var folder = new TempFolder();
        using var db = TestStore.Create(backend, folder);
        const int processes = 3, trialsEach = 20;
        var children = Enumerable.Range(0, processes)
            .Select(p => ChildProcess.Start("store-writer", ("STORE", db.Location), ("FROM", (p * trialsEach).ToString()), ("COUNT", trialsEach.ToString()),
                ("READY", folder.File($"ready-{p}")), ("GO", folder.File("go"))))
            .ToList();
        try
        {
            using (var store = db.Open())
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

    [Theory, InlineData(TestStore.Sqlite), PostgresBackend]
    public void Outcome_round_trips_through_the_store(string backend)
    {
        using var folder = new TempFolder();
        using var db = TestStore.Create(backend, folder);
        using var store = db.Open();
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

    [PostgresFact]
    public void Postgres_store_written_by_a_newer_schema_is_refused_without_its_password()
    {
        using var folder = new TempFolder();
        using var db = TestStore.Create(TestStore.Postgres, folder);
        using (db.Open()) { }
        using (var connection = db.Connect())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE serdarts_schema SET version = 99;";
            command.ExecuteNonQuery();
        }
        var location = StoreLocation.Parse(db.Location);

        var e = Assert.Throws<InvalidDataException>(() => ResultsStore.Open(db.Location));

        Assert.Contains(location.Display, e.Message);
        Assert.Contains("schema 99", e.Message);
        if (location.Password is { } password) Assert.DoesNotContain(password, e.Message);
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

    [Theory, InlineData(TestStore.Sqlite), PostgresBackend]
    public void Completing_a_trial_twice_stores_it_once(string backend)
    {
        using var folder = new TempFolder();
        using var db = TestStore.Create(backend, folder);
        using var store = db.Open();
        var trial = new TrialSpec(TestSpecs.FourFolds(), 0, 0);
        var owner = TrialOwner.ForThisProcess();
        var id = StoreWriting.ClaimAndComplete(store, trial, owner);
        var now = DateTime.UtcNow;

        var again = store.Complete(id, owner, FakeOutcomes.For(trial), new TrialProvenance("{}", trial.SpecHash, 0, null, "x", null, "cpu", "h", now, now));

        Assert.False(again);
        AssertRowCounts(db, 1);
    }

    [Theory, InlineData(TestStore.Sqlite), PostgresBackend]
    public void Data_frames_carry_the_stored_values_and_missing_values_as_nulls(string backend)
    {
        using var folder = new TempFolder();
        using var db = TestStore.Create(backend, folder);
        using var store = db.Open();
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

    /// <summary>Counts rows with plain SQL on a fresh connection of the engine's own driver, independent of the store's readers.</summary>
    private static void AssertRowCounts(TestStore db, int trials)
    {
        Assert.Equal(trials, db.Count("SELECT COUNT(*) FROM trials WHERE status = 'completed'"));
        Assert.Equal(trials, db.Count("SELECT COUNT(DISTINCT fold) FROM trials"));
        Assert.Equal(trials, db.Count("SELECT COUNT(*) FROM metrics"));
        Assert.Equal(trials, db.Count("SELECT COUNT(*) FROM provenance"));
        Assert.Equal(trials, db.Count("SELECT COUNT(*) FROM genotypes"));
        Assert.Equal(trials * EpochsPerTrial, db.Count("SELECT COUNT(*) FROM epochs"));
        Assert.Equal(trials * SearchEpochsPerTrial, db.Count("SELECT COUNT(*) FROM search_epochs"));
        Assert.Equal(trials * ConfusionCells, db.Count("SELECT COUNT(*) FROM confusion"));
    }
}
