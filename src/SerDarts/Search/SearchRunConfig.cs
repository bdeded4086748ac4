using SerDarts.Networks;
using SerDarts.Runs;

namespace SerDarts.Search;

/// <summary>config.json of a search run: the supernet's network, the search settings and the seed, every number explicit.</summary>
public sealed record SearchRunConfig(int Schema, NetworkSpec Network, SearchSettings Search, long Seed)
{
    public static SearchRunConfig Create(NetworkSpec network, SearchSettings search, long seed) => new(RunConfigs.Schema, network, search, seed);

    public string ToJson() => ConfigJson.Serialize(this);

    public static SearchRunConfig FromJson(string json, string source) => ConfigJson.Deserialize<SearchRunConfig>(json, source);
}
