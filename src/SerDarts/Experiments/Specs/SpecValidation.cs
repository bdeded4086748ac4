using SerDarts.Runtime;
namespace SerDarts.Experiments.Specs;

/// <summary>Checks every field of a spec and names each problem with its JSON path.</summary>
internal static class SpecValidation
{
    public static IReadOnlyList<string> Errors(ExperimentSpec spec)
    {
        var errors = new List<string>();
        void Check(bool ok, string message) { if (!ok) errors.Add(message); }
        void Section<T>(T? section, string path, Func<T, IEnumerable<string>> check) where T : class
        {
            if (section is null) errors.Add($"{path} is required");
            else errors.AddRange(check(section));
        }

        Section(spec.Corpus, "corpus", c => c.Errors());
        Section(spec.Split, "split", s => s.Errors());
        Section(spec.Features, "features", f => f.Errors());
        Section(spec.Network, "network", n => n.Errors());
        Section(spec.Search, "search", s => s.Errors());
        Section(spec.Training, "training", t => t.Errors());
        Section(spec.Execution, "execution", e => e.Errors());
        if (spec.Network is { } network && spec.Search is { } search && search.PartialChannelsFor(network.InitChannels) > 0)
            Check(network.InitChannels % search.PartialChannelsFor(network.InitChannels) == 0,
                $"search.partialChannels ({search.PartialChannels}) must divide network.initChannels ({network.InitChannels})");
        if (spec.Network is { } net && spec.Search is { } searchSettings && searchSettings.PartialChannelsFor(net.InitChannels) is var perEdge && perEdge > 1 && net.InitChannels / perEdge < 2)
            Check(false, $"search.partialChannels ({perEdge}) leaves {net.InitChannels / perEdge} channel per edge of network.initChannels ({net.InitChannels}), " +
                         "where the supernet's loss becomes NaN: use at most initChannels / 2");
        Check(spec.Seeds is { Count: > 0 }, "seeds must list at least one seed");
        Check(spec.Seeds is null || spec.Seeds.All(s => s >= 0), "seeds must be non-negative");
        Check(spec.Seeds is null || spec.Seeds.Distinct().Count() == spec.Seeds.Count, "seeds must be distinct");
        Check(spec.Folds is null || (spec.Folds.Count > 0 && spec.Folds.All(f => f >= 0)), "folds must be null (all) or non-negative indices");
        Check(spec.Folds is null || spec.Folds.Distinct().Count() == spec.Folds.Count, "folds must be distinct");
        return errors;
    }
}
