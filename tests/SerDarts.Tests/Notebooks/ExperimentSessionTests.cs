using SerDarts.Experiments.Specs;
using SerDarts.Networks;
using SerDarts.Notebooks;
using SerDarts.Reporting;
using SerDarts.Tests.Experiments;

namespace SerDarts.Tests.Notebooks;

/// <summary>The session calls notebooks 03 and 08 make, over trials of the scripted executor (values in closed form,
/// <see cref="FakeOutcomes"/>).</summary>
public class ExperimentSessionTests
{
    [Fact]
    public void Darts_against_the_random_cell_control_pairs_their_trials_on_speaker_and_seed()
    {
        using var folder = new TempFolder();
        using var session = new ExperimentSession(folder.Path, ExperimentPresets.Smoke, new SpecOverrides(Folds: [0, 1], Seeds: [0]),
            new ScriptedExecutor(folds: 2));
        session.Run(NetworkKinds.Darts);
        session.Run(NetworkKinds.Random);

        var versus = session.Versus(NetworkKinds.Darts, NetworkKinds.Random);

        // UA = 0.40 + 0.02 fold + model offset (darts 0.20, random 0.15) + the same LSTM and cell terms for both.
        Assert.Equal(["darts", "random"], versus.Levels.Select(l => l.Variant.Level));
        Assert.All(versus.Levels, l => Assert.Equal(2, l.Trials));
        var comparison = Assert.Single(versus.Comparisons);
        Assert.Null(comparison.Problem);
        Assert.Equal(2, comparison.Ua!.Pairs);
        Assert.Equal(-0.05, comparison.Ua.MeanDifference, 12);
        Assert.Equal("-5.00", ResultTables.Comparisons(versus)["UA difference (pp)"][0]);
    }

    [Fact]
    public void Search_diagnostics_read_the_stored_epochs_and_warnings_of_a_trial()
    {
        using var folder = new TempFolder();
        var executor = new ScriptedExecutor(folds: 1)
        {
            Outcome = t => FakeOutcomes.For(t) with { Warnings = ["the architecture weights did not move: probe"] },
        };
        using var session = new ExperimentSession(folder.Path, ExperimentPresets.Smoke, new SpecOverrides(Folds: [0], Seeds: [0]), executor);
        session.Run(NetworkKinds.Darts);

        var diagnostics = session.SearchDiagnostics(session.LatestTrial(NetworkKinds.Darts));

        Assert.Equal([1, 2], diagnostics.Epochs.Select(e => e.Epoch)); // FakeOutcomes stores two search epochs for darts
        Assert.Equal(["the architecture weights did not move: probe"], diagnostics.Warnings);
        Assert.NotNull(diagnostics.Chart());
    }

    [Fact]
    public void A_session_run_applies_the_specs_torch_thread_count_as_the_cli_does()
    {
        int before = TorchSharp.torch.get_num_threads(), wanted = before == 1 ? 2 : 1;
        try
        {
            using var folder = new TempFolder();
            var overrides = new SpecOverrides(Folds: [0], Seeds: [0], Set: [("execution.threads", System.Text.Json.Nodes.JsonValue.Create(wanted))]);
            using var session = new ExperimentSession(folder.Path, ExperimentPresets.Smoke, overrides, new ScriptedExecutor(folds: 1));
            session.Run(NetworkKinds.Cnn);
            Assert.Equal(wanted, TorchSharp.torch.get_num_threads());
        }
        finally { TorchSharp.torch.set_num_threads(before); }
    }
}
