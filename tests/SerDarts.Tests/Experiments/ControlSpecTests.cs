using SerDarts.Corpora;
using SerDarts.Experiments.Specs;
using SerDarts.Networks;

namespace SerDarts.Tests.Experiments;

/// <summary>The stronger controls as spec fields: network.random, split.validation and search.bilevel reachable with
/// --set, validated by name, neutral for old hashes, and named in the protocol where they change a number's meaning.</summary>
public class ControlSpecTests
{
    private static ExperimentSpec Set(ExperimentSpec spec, params string[] assignments) =>
        new SpecOverrides(Set: assignments.Select(SpecOverrides.ParseAssignment).ToList()).Apply(spec);

    private static ExperimentSpec Random() => new ExperimentSpec() with { Network = new NetworkSpec { Kind = NetworkKinds.Random } };

    [Fact]
    public void Random_draws_and_matching_are_set_by_path_and_change_only_random_hashes()
    {
        var random = Set(Random(), "network.random.draws=2", "network.random.matchParameters=true");
        Assert.Equal(2, random.Network.Random.Draws);
        Assert.True(random.Network.Random.MatchParameters);
        Assert.NotEqual(Random().Hash(), random.Hash());
        // A darts spec does not depend on the random control's settings.
        var darts = new ExperimentSpec();
        Assert.Equal(darts.Hash(), Set(darts, "network.random.draws=5").Hash());
        Assert.DoesNotContain("\"random\":{", SpecHash.CanonicalText(Random())); // neutral: left out
    }

    [Fact]
    public void Presets_draw_one_random_cell_for_small_and_smoke_and_five_for_paper()
    {
        Assert.Equal(1, ExperimentPresets.ApplySmall(Random()).Network.Random.Draws);
        Assert.Equal(1, ExperimentPresets.ApplySmoke(Random()).Network.Random.Draws);
        Assert.Equal(5, ExperimentPresets.ApplyPaper(Random()).Network.Random.Draws);
    }

    [Fact]
    public void The_paper_preset_validates_on_another_session_and_small_and_emodarts_keep_their_rule()
    {
        Assert.Equal(new SplitSpec("loso", SplitSpec.OtherSession), ExperimentPresets.ApplyPaper(new ExperimentSpec()).Split);
        Assert.Equal(new SplitSpec("loso"), ExperimentPresets.ApplySmall(new ExperimentSpec()).Split);
        Assert.Equal(new SplitSpec("kfold:5"), ExperimentPresets.ApplyPaper(new ExperimentSpec() with { Split = "kfold:5" }).Split);
        Assert.Equal(new SplitSpec("emodarts"), ExperimentPresets.ApplyEmodarts(new ExperimentSpec()).Split);
        Assert.Empty(ExperimentPresets.ApplyPaper(new ExperimentSpec()).Split.Errors());
    }

    [Fact]
    public void Split_validation_is_set_by_path_round_trips_and_keeps_the_partner_hash()
    {
        var other = Set(new ExperimentSpec() with { Split = "lospk" }, "split.validation=other-session");
        Assert.Equal(new SplitSpec("lospk", SplitSpec.OtherSession), other.Split);
        Assert.Contains("\"split\":{\"protocol\":\"lospk\",\"validation\":\"other-session\"}", other.ToJson(indented: false));
        Assert.Equal(other, ExperimentSpec.FromJson(other.ToJson()));
        Assert.NotEqual(new ExperimentSpec().Hash(), Set(new ExperimentSpec(), "split.validation=other-session").Hash());
        var partner = Set(new ExperimentSpec(), "split.validation=partner");
        Assert.Contains("\"split\":\"loso\"", partner.ToJson(indented: false));
        Assert.Equal(new ExperimentSpec().Hash(), partner.Hash());
    }

    [Fact]
    public void Search_bilevel_speakers_changes_the_hash_and_clips_keeps_it()
    {
        Assert.Equal(new ExperimentSpec().Hash(), Set(new ExperimentSpec(), "search.bilevel=clips").Hash());
        Assert.NotEqual(new ExperimentSpec().Hash(), Set(new ExperimentSpec(), "search.bilevel=speakers").Hash());
    }

    [Theory]
    [InlineData("network.random.draws=0", "network.random.draws")]
    [InlineData("network.random.parameterTolerance=1.5", "network.random.parameterTolerance")]
    [InlineData("network.random.maxTries=0", "network.random.maxTries")]
    [InlineData("split.validation=neighbour", "split.validation")]
    [InlineData("search.bilevel=dialogs", "search.bilevel")]
    public void A_bad_value_is_refused_naming_the_field(string assignment, string field)
    {
        var e = Assert.Throws<InvalidDataException>(() => Set(Random(), assignment).EnsureValid("t.json"));
        Assert.Contains(field, e.Message);
    }

    [Fact]
    public void Other_session_under_kfold_is_refused_naming_split_validation()
    {
        var e = Assert.Throws<InvalidDataException>(() =>
            Set(new ExperimentSpec() with { Split = "kfold:5" }, "split.validation=other-session").EnsureValid("t.json"));
        Assert.Contains("split.validation 'other-session' applies to loso and lospk", e.Message);
    }

    [Fact]
    public void The_fingerprint_and_the_protocol_line_name_the_controls()
    {
        var plain = ProtocolFingerprint.Of(new ExperimentSpec());
        var changed = ProtocolFingerprint.Of(Set(new ExperimentSpec(), "split.validation=other-session", "search.bilevel=speakers"));
        Assert.Equal([ProtocolFingerprint.Split, ProtocolFingerprint.SearchPortion], plain.Differences(changed));
        Assert.Equal("0.5 weights / 0.5 architecture, whole speakers", changed[ProtocolFingerprint.SearchPortion]);
        Assert.Equal("loso (validation: other-session)", changed[ProtocolFingerprint.Split]);
        var line = ProtocolDescription.Of(Set(Random(), "network.random.draws=5", "network.random.matchParameters=true"));
        Assert.Contains("random control: 5 cells per fold and seed, pooled", line);
        Assert.Contains("random cells within 10% of the DARTS model's parameters", line);
    }
}
