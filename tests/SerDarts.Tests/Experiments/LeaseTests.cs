using SerDarts.Experiments.Outcomes;
using SerDarts.Experiments.Specs;
using SerDarts.Experiments.Store;

namespace SerDarts.Tests.Experiments;

/// <summary>Claims, leases and their ends, on both engines.</summary>
public class LeaseTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Theory, InlineData(TestStore.Sqlite), PostgresBackend]
    public void An_expired_lease_lets_another_host_take_the_trial_over_and_only_the_new_holder_completes_it(string backend)
    {
        using var folder = new TempFolder();
        using var db = TestStore.Create(backend, folder);
        using var store = db.Open();
        var trial = new TrialSpec(TestSpecs.FourFolds(), 0, 0);
        var ids = store.RegisterTrials([trial], folder.Path);
        var (a, b) = (new TrialOwner("node-a", 11, "a"), new TrialOwner("node-b", 22, "b"));

        var first = store.ClaimNext(ids, a, Hour, _ => "/runs/a");
        var whileHeld = store.ClaimNext(ids, b, Hour, _ => "/runs/b");
        Assert.True(store.Renew(ids[0], a, TimeSpan.FromSeconds(-1))); // a's last renewal; then a goes silent
        var takeover = store.ClaimNext(ids, b, Hour, _ => "/runs/b");

        Assert.Equal((ClaimStatus.Claimed, 1, false), (first.Claim!.Status, first.Claim.Attempt, first.Claim.Resumed));
        Assert.Null(whileHeld.Claim);
        Assert.Equal(ids, whileHeld.Busy);
        Assert.Equal((2, true, "started"), (takeover.Claim!.Attempt, takeover.Claim.Resumed, takeover.Claim.PreviousStatus));
        Assert.False(store.Renew(ids[0], a, Hour));
        Assert.False(Complete(store, ids[0], a, trial));
        Assert.True(Complete(store, ids[0], b, trial));
        Assert.False(Complete(store, ids[0], b, trial));
        Assert.Equal(1, db.Count("SELECT COUNT(*) FROM metrics"));
        Assert.Equal("/runs/b", store.ReadTrials().Single().RunDirectory);
    }

    [Theory, InlineData(TestStore.Sqlite), PostgresBackend]
    public void Workers_claim_in_plan_order_and_a_trial_failed_here_is_left_to_other_workers(string backend)
    {
        using var folder = new TempFolder();
        using var db = TestStore.Create(backend, folder);
        using var store = db.Open();
        var trials = Enumerable.Range(0, 3).Select(f => new TrialSpec(TestSpecs.FourFolds(), f, 0)).ToList();
        var ids = store.RegisterTrials(trials, folder.Path);
        var (me, other) = (new TrialOwner("node-a", 11, "me"), new TrialOwner("node-b", 22, "other"));

        var first = store.ClaimNext(ids, me, Hour, _ => "/r").Claim!;
        store.Fail(first.TrialId, me, "out of memory");
        var second = store.ClaimNext(ids, me, Hour, _ => "/r", skip: new HashSet<long> { first.TrialId }).Claim!;
        var byOther = store.ClaimNext(ids, other, Hour, _ => "/r").Claim!;

        Assert.Equal([ids[0], ids[1], ids[0]], new[] { first.TrialId, second.TrialId, byOther.TrialId });
        Assert.Equal(("failed", 2), (byOther.PreviousStatus, byOther.Attempt));
        Assert.Equal(store.RegisterTrials(trials, folder.Path), ids); // registering again changes nothing
    }

    [Theory, InlineData(TestStore.Sqlite), PostgresBackend]
    public void Released_trial_is_claimable_at_once_and_counts_follow_the_states(string backend)
    {
        using var folder = new TempFolder();
        using var db = TestStore.Create(backend, folder);
        using var store = db.Open();
        var trials = Enumerable.Range(0, 5).Select(f => new TrialSpec(TestSpecs.FourFolds(), f, 0)).ToList();
        var ids = store.RegisterTrials(trials, folder.Path);
        var (a, b) = (new TrialOwner("node-a", 11, "a"), new TrialOwner("node-b", 22, "b"));
        var done = store.ClaimNext(ids, a, Hour, _ => "/r").Claim!.TrialId;       // fold 0
        Assert.True(Complete(store, done, a, trials[0]));
        var failed = store.ClaimNext(ids, a, Hour, _ => "/r").Claim!.TrialId;     // fold 1
        store.Fail(failed, a, "boom");
        var released = store.ClaimNext(ids, b, Hour, _ => "/r", skip: new HashSet<long> { failed }).Claim!.TrialId; // fold 2
        store.Interrupt(released, b);
        var running = store.ClaimNext(ids, a, Hour, _ => "/r", skip: new HashSet<long> { failed }).Claim!;      // fold 2 again, at once

        Assert.Equal(released, running.TrialId);
        Assert.Equal(("interrupted", true), (running.PreviousStatus, running.Resumed));
        Assert.Equal(new TrialCounts(Done: 1, Running: 1, Queued: 2, Failed: 1), store.ReadTrialCounts(ids));
        Assert.Equal(new TrialCounts(1, 1, 2, 1), store.ReadTrialCounts());
        Assert.Equal(new TrialCounts(1, 0, 0, 1), store.ReadTrialCounts([done, failed]));
    }

    private static bool Complete(ResultsStore store, long id, TrialOwner owner, TrialSpec trial)
    {
        var now = DateTime.UtcNow;
        return store.Complete(id, owner, FakeOutcomes.For(trial),
            new TrialProvenance("{}", trial.SpecHash, trial.Seed, null, "x", null, "cpu", owner.Host, now, now));
    }
}
