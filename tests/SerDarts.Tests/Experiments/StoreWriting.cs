using SerDarts.Experiments.Outcomes;
using SerDarts.Experiments.Specs;
using SerDarts.Experiments.Store;

namespace SerDarts.Tests.Experiments;

/// <summary>Writes a trial through the store's public API, as the runner would.</summary>
internal static class StoreWriting
{
    public static long ClaimAndComplete(ResultsStore store, TrialSpec trial, TrialOwner owner)
    {
        var claim = store.TryClaim(trial, "/tmp/none", owner, TimeSpan.FromMinutes(10));
        if (claim.Status != ClaimStatus.Claimed) throw new InvalidOperationException($"trial {trial.Key} was {claim.Status}");
        var now = DateTime.UtcNow;
        store.Complete(claim.TrialId, owner, FakeOutcomes.For(trial),
            new TrialProvenance(trial.Spec.ToJson(false), trial.SpecHash, trial.Seed, "manifest", "0.1.0", null, "cpu", owner.Host, now, now));
        return claim.TrialId;
    }
}
