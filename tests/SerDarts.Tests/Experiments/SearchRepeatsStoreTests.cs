using SerDarts.Experiments.Outcomes;
using SerDarts.Experiments.Specs;
using SerDarts.Experiments.Store;
using SerDarts.Reporting;
using SerDarts.Search;

namespace SerDarts.Tests.Experiments;

public class SearchRepeatsStoreTests
{
    [Fact]
    public void Repeated_searches_round_trip_through_the_store_and_the_results_table()
    {
        using var folder = new TempFolder();
        using var db = TestStore.Create(TestStore.Sqlite, folder);
        using var store = db.Open();
        var trial = new TrialSpec(TestSpecs.FourFolds(), 1, 0);
        var owner = TrialOwner.ForThisProcess();
        var claim = store.TryClaim(trial, "/tmp/none", owner, TimeSpan.FromMinutes(10));
        var repeats = new SearchRepeats(
            [new SearchRepeat(0, 0, "g0", 0.40, 0.50, "repeat-0"), new SearchRepeat(1, 7, "g1", 0.45, 0.55, "repeat-1")],
            Chosen: 1, NormalStability: 0.25, ReduceStability: 0.6, Warning: null);
        var now = DateTime.UtcNow;
        store.Complete(claim.TrialId, owner, FakeOutcomes.For(trial) with { SearchRepeats = repeats },
            new TrialProvenance(trial.Spec.ToJson(false), trial.SpecHash, trial.Seed, "manifest", "0.1.0", null, "cpu", owner.Host, now, now));

        var read = store.ReadSearchRepeats(claim.TrialId)!;
        Assert.Equal(repeats.Runs, read.Runs);
        Assert.Equal((1, 0.25, 0.6), (read.Chosen, read.NormalStability, read.ReduceStability));
        var table = StabilityTable.Create(store, null)!;
        Assert.Equal(1, table.Rows.Count);
        Assert.Equal("0.250", table["normal"][0]);
        Assert.Equal("no", table["stable"][0]); // 0.25 < 0.5
        Assert.Contains("2 searches", SearchDiagnostics.Read(store, claim.TrialId).StabilitySummary());
    }
}
