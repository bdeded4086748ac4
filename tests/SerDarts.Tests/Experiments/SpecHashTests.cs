using System.Security.Cryptography;
using System.Text;
using SerDarts.Experiments.Specs;
using SerDarts.Features;
using SerDarts.Networks;
using SerDarts.Runtime;

namespace SerDarts.Tests.Experiments;

public class SpecHashTests
{
    [Fact]
    public void Hash_ignores_name_folds_seeds_and_execution()
    {
        var spec = new ExperimentSpec();
        var relabelled = spec with { Name = "other", Folds = [2], Seeds = [5, 6], Execution = new ExecutionSettings("cpu", 2, true) };
        Assert.Equal(spec.Hash(), relabelled.Hash());
    }

    [Fact]
    public void Hash_changes_with_every_setting_that_changes_a_result()
    {
        var spec = new ExperimentSpec();
        var variants = new[]
        {
            spec with { Network = spec.Network with { Kind = NetworkKinds.Cnn } },
            spec with { Network = spec.Network with { Kind = NetworkKinds.Random } },
            spec with { Network = spec.Network with { Cells = 8 } },
            spec with { Network = spec.Network with { Head = spec.Network.Head with { LstmLayers = 2 } } },
            spec with { Network = spec.Network with { Head = spec.Network.Head with { Pooling = HeadPooling.Attention } } },
            spec with { Features = spec.Features with { Kind = FeatureSettings.LogMel } },
            spec with { Features = spec.Features with { Grid = "small" } },
            spec with { Corpus = spec.Corpus with { Root = "/data" } },
            spec with { Split = "lospk" },
            spec with { Training = spec.Training with { LearningRate = 0.0251 } },
            spec with { Search = spec.Search with { WarmupEpochs = 1 } },
        };
        var hashes = variants.Select(v => v.Hash()).Append(spec.Hash()).ToList();
        Assert.Equal(hashes.Count, hashes.Distinct().Count());
    }

    [Fact]
    public void Hash_is_the_sha256_of_the_versioned_canonical_text()
    {
        var text = SpecHash.CanonicalText(new ExperimentSpec { Name = "x", Seeds = [4], Folds = [1] });
        Assert.StartsWith("serdarts-spec-v2\n{\"corpus\":{\"name\":\"sample\",\"root\":null},", text);
        foreach (var absent in new[] { "\"name\":\"x\"", "\"seeds\"", "\"folds\"", "\"execution\"", "\"device\"" })
            Assert.DoesNotContain(absent, text);
        var expected = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
        Assert.Equal(expected, new ExperimentSpec().Hash());
    }

    [Fact]
    public void Default_spec_hash_is_pinned()
    {
        // Stored trials are keyed by this hash: if the canonical form changes meaning, bump SpecHash.Version and
        // this value. Computed independently by tests/SerDarts.Tests/Experiments/pinned_spec_hash.py (python3
        // hashlib over the canonical text written out there by hand).
        Assert.Equal(PinnedDefaultHash, new ExperimentSpec().Hash());
    }

    [Fact]
    public void Fields_added_later_keep_old_hashes_at_their_neutral_value()
    {
        // Every neutral entry names a real path whose default is the neutral value: a spec that does not mention
        // the field hashes as it did before the field existed, and any other value changes the hash.
        var json = System.Text.Json.Nodes.JsonNode.Parse(new ExperimentSpec().ToJson())!;
        foreach (var (path, neutral) in SpecHash.Neutral)
        {
            var names = path.Split('.');
            var parent = names[..^1].Aggregate((System.Text.Json.Nodes.JsonNode?)json, (n, name) => n?[name]) as System.Text.Json.Nodes.JsonObject;
            Assert.True(parent is not null && parent.TryGetPropertyValue(names[^1], out _), $"neutral path {path} is not a spec field");
            Assert.Equal(neutral, parent![names[^1]]?.ToJsonString() ?? "null"); // a null default is JSON null
            Assert.DoesNotContain($"\"{path.Split('.')[^1]}\":{neutral}", SpecHash.CanonicalText(new ExperimentSpec()));
        }
    }

    private const string PinnedDefaultHash = "d4aa67a83feb4eccf797247e18bb989e1ec1afb8679b065a58ef9a7064c4efd0";
}
