using static TorchSharp.torch;

namespace SerDarts.Features;

/// <summary>
/// Speaker-level standardisation (per-speaker z-normalisation, Busso et al. 2013): each (channel, row) of a
/// speaker's grids standardised with the mean and population std over that speaker's valid frames (padding is
/// not speech and is left at zero). It removes what a voice adds to every utterance (vocal tract, recording
/// level) and keeps what varies between its utterances, the emotion. It uses the unlabelled audio of each
/// speaker, test speakers included: never their labels. Augmented copies form groups of their own per
/// (speaker, transform), since a pitch-shifted or sped-up copy is, acoustically, another voice.
/// </summary>
public static class SpeakerNormalization
{
    /// <summary>A standardised copy of <paramref name="set"/> (dispose both); <paramref name="groupOfRow"/> names
    /// each row's group (its speaker, or speaker and transform).</summary>
    public static FeatureSet Apply(FeatureSet set, IReadOnlyList<string> groupOfRow) => Apply(set, groupOfRow, statisticsRows: null);

    /// <summary>
    /// As <see cref="Apply(FeatureSet, IReadOnlyList{string})"/>, with each group's statistics taken from its rows
    /// where <paramref name="statisticsRows"/> is true only (the enrolment clips of
    /// <c>features.normalization = enrolment:N</c>) and applied to all its rows; null: every row. Dispose both.
    /// </summary>
    public static FeatureSet Apply(FeatureSet set, IReadOnlyList<string> groupOfRow, IReadOnlyList<bool>? statisticsRows)
    {
        if (groupOfRow.Count != set.Count)
            throw new ArgumentException($"{groupOfRow.Count} speaker names for {set.Count} rows");
        if (statisticsRows is not null && statisticsRows.Count != set.Count)
            throw new ArgumentException($"{statisticsRows.Count} statistics flags for {set.Count} rows");
        using var scope = NewDisposeScope();
        var x = set.Inputs.to(ScalarType.Float64);
        var output = zeros_like(x);
        foreach (var group in Enumerable.Range(0, set.Count).GroupBy(i => groupOfRow[i], StringComparer.Ordinal))
        {
            using var inner = NewDisposeScope();
            var rows = group.ToArray();
            var index = tensor(rows.Select(i => (long)i).ToArray(), device: x.device);
            var (part, mask) = Rows(x, set.ValidFrames, rows);
            var reference = statisticsRows is null ? rows : rows.Where(i => statisticsRows[i]).ToArray();
            var stats = reference.Length == rows.Length ? Statistics(part, mask) : Statistics(Rows(x, set.ValidFrames, reference));
            if (stats is not { } s) continue;                                           // only empty clips: leave zeros
            output.index_copy_(0, index, part.sub(s.Mean).mul_(mask).div_(s.Std));
        }
        var inputs = output.to(ScalarType.Float32).MoveToOuterDisposeScope();
        return new FeatureSet(inputs, set.Labels, set.Ids, set.Spec, set.ValidFrames, set.Clips);
    }

    /// <summary>
    /// A copy of <paramref name="set"/> standardised with the statistics of one speaker's other audio,
    /// <paramref name="speaker"/> (all its rows, one group): how a new clip of a known voice is standardised.
    /// Dispose both.
    /// </summary>
    public static FeatureSet ApplyWith(FeatureSet speaker, FeatureSet set)
    {
        using var scope = NewDisposeScope();
        var reference = speaker.Inputs.to(ScalarType.Float64);
        var (refPart, refMask) = Rows(reference, speaker.ValidFrames, Enumerable.Range(0, speaker.Count).ToArray());
        var stats = Statistics(refPart, refMask)
            ?? throw new ArgumentException("the speaker's audio has no valid frames to take statistics from");
        var (part, mask) = Rows(set.Inputs.to(ScalarType.Float64), set.ValidFrames, Enumerable.Range(0, set.Count).ToArray());
        var inputs = part.sub(stats.Mean).mul_(mask).div_(stats.Std).to(ScalarType.Float32).MoveToOuterDisposeScope();
        return new FeatureSet(inputs, set.Labels, set.Ids, set.Spec, set.ValidFrames, set.Clips);
    }

    /// <summary>The rows of x [N, C, R, F] (float64) and their valid-frame mask [n, 1, 1, F]; call inside a scope.</summary>
    private static (Tensor Part, Tensor Mask) Rows(Tensor x, int[] validFrames, int[] rows)
    {
        var frames = x.shape[3];
        var index = tensor(rows.Select(i => (long)i).ToArray(), device: x.device);
        var valid = tensor(rows.Select(i => (long)validFrames[i]).ToArray(), device: x.device);
        var mask = FrameMask.Of(valid, frames).view(rows.Length, 1, 1, frames).to(ScalarType.Float64);
        return (x.index_select(0, index), mask);
    }

    private static (Tensor Mean, Tensor Std)? Statistics((Tensor Part, Tensor Mask) rows) => Statistics(rows.Part, rows.Mask);

    /// <summary>Per (channel, row), the mean and floored population std over the valid frames of all rows of
    /// <paramref name="part"/>; null when there are none.</summary>

    private static (Tensor Mean, Tensor Std)? Statistics(Tensor part, Tensor mask)
    {
        var count = mask.sum().item<double>();
        if (count == 0) return null;
        var mean = part.mul(mask).sum([0, 3], keepdim: true).div_(count);
        var centred = part.sub(mean).mul_(mask);
        var std = centred.mul(centred).sum([0, 3], keepdim: true).div_(count).sqrt_().clamp_min_(FeatureNormalizer.MinStd);
        return (mean, std);
    }
}
