namespace SerDarts.Experiments;

/// <summary>Checks every field of a spec and names each problem with its JSON path.</summary>
internal static class SpecValidation
{
    public static IReadOnlyList<string> Errors(ExperimentSpec spec)
    {
        var errors = new List<string>();
        void Check(bool ok, string message) { if (!ok) errors.Add(message); }

        Check(spec.Corpus is not null && !string.IsNullOrWhiteSpace(spec.Corpus.Name), "corpus.name is required");
        Check(Corpora.SplitProtocol.TryParse(spec.Split, out _), $"split '{spec.Split}' is not loso, lospk or kfold:K (K >= 3)");
        CheckFeatures(spec.Features, Check);
        Check(ModelKinds.All.Contains(spec.Model), $"model '{spec.Model}' is not one of {string.Join(", ", ModelKinds.All)}");
        CheckSearch(spec.Search, Check);
        CheckTraining(spec.Training, Check);
        Check(spec.Seeds is { Count: > 0 }, "seeds must list at least one seed");
        Check(spec.Seeds is null || spec.Seeds.Distinct().Count() == spec.Seeds.Count, "seeds must be distinct");
        Check(spec.Folds is null || (spec.Folds.Count > 0 && spec.Folds.All(f => f >= 0)), "folds must be null (all) or non-negative indices");
        Check(spec.Folds is null || spec.Folds.Distinct().Count() == spec.Folds.Count, "folds must be distinct");
        Check(IsDevice(spec.Device), $"device '{spec.Device}' is not auto, cpu, cuda or cuda:N");
        return errors;
    }

    private static void CheckFeatures(FeatureSettings? f, Action<bool, string> check)
    {
        if (f is null) { check(false, "features is required"); return; }
        check(!string.IsNullOrWhiteSpace(f.Preset), "features.preset is required");
        check(FeatureSettings.Kinds.Contains(f.Kind), $"features.kind '{f.Kind}' is not mfcc or logmel");
        check(f.Grid is "paper" or "small", $"features.grid '{f.Grid}' is not paper or small");
        check(f.Preset == "paper", $"features.preset '{f.Preset}': network grids are defined on the 'paper' preset");
    }

    private static void CheckSearch(SearchSettings? s, Action<bool, string> check)
    {
        if (s is null) { check(false, "search is required"); return; }
        check(s.Cells >= 1, "search.cells must be >= 1");
        check(s.Nodes >= 1, "search.nodes must be >= 1");
        check(s.InitChannels >= 1, "search.initChannels must be >= 1");
        check(s.Epochs >= 1, "search.epochs must be >= 1");
        check(s.BatchSize >= 1, "search.batchSize must be >= 1");
        check(s.Order is "first" or "second", $"search.order '{s.Order}' is not first or second");
        check(s.Portion is > 0 and < 1, "search.portion must be in (0, 1)");
        check(s.LearningRate > 0 && s.ArchLearningRate > 0, "search learning rates must be > 0");
    }

    private static void CheckTraining(TrainingSettings? t, Action<bool, string> check)
    {
        if (t is null) { check(false, "training is required"); return; }
        check(t.Epochs >= 1, "training.epochs must be >= 1");
        check(t.BatchSize >= 1, "training.batchSize must be >= 1");
        check(t.LearningRate > 0, "training.learningRate must be > 0");
        check(t.Momentum is >= 0 and < 1, "training.momentum must be in [0, 1)");
        check(t.WeightDecay >= 0, "training.weightDecay must be >= 0");
        check(t.LstmLayers >= 1, "training.lstmLayers must be >= 1");
        check(t.LstmUnits >= 1, "training.lstmUnits must be >= 1");
        check(t.DropPath is >= 0 and < 1, "training.dropPath must be in [0, 1)");
        check(t.AuxiliaryWeight >= 0, "training.auxiliaryWeight must be >= 0");
        check(t.GradientClip > 0, "training.gradientClip must be > 0");
    }

    private static bool IsDevice(string? device)
    {
        if (device is "auto" or "cpu" or "cuda") return true;
        return device is not null && device.StartsWith("cuda:", StringComparison.Ordinal)
            && int.TryParse(device.AsSpan(5), out var index) && index >= 0;
    }
}
