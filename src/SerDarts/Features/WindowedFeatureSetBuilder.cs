using SerDarts.Audio;
using SerDarts.Corpora;
using SerDarts.Runtime;
using static TorchSharp.torch;

namespace SerDarts.Features;

/// <summary>
/// The rows of a list of utterances under <see cref="WindowSettings"/>: each usable clip's first window (the
/// plain grid, <see cref="FeatureSetBuilder.BuildUsable"/>), then with "whole" the later windows of the clips
/// long enough to have them, each window cached under its <see cref="ClipWindow"/> like an augmented copy.
/// Unusable files are left out and listed, never thrown.
/// </summary>
public static class WindowedFeatureSetBuilder
{
    /// <summary>Rows (windows) the utterances will have: what progress counts up to.</summary>
    public static int RowCount(IReadOnlyList<Utterance> utterances, FeatureSpec spec, WindowSettings windows) =>
        utterances.Sum(u => windows.Starts(spec, Samples(u, spec)).Count);

    /// <returns>The set (rows: every first window, then every second window, ...; <see cref="FeatureSet.Clips"/>
    /// names each row's utterance), the files left out, and per row the index of its utterance in
    /// <paramref name="utterances"/>.</returns>
    public static (FeatureBuild Build, IReadOnlyList<int> Sources) Build(IReadOnlyList<Utterance> utterances, FeatureSpec spec,
        WindowSettings windows, FeatureCache? cache = null, IProgress<int>? progress = null, Func<string, AudioClip>? loadAudio = null)
    {
        var first = FeatureSetBuilder.BuildUsable(utterances, spec, cache, progress, loadAudio);
        var index = utterances.Select((u, i) => (u.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var usable = first.Set.Ids.Select(id => index[id]).ToList();
        if (!windows.IsWhole) return (first, usable);

        var load = loadAudio ?? (path => AudioFile.Load(path, spec.Preset.SampleRate));
        var starts = usable.ToDictionary(i => i, i => windows.Starts(spec, Samples(utterances[i], spec)));
        var parts = new List<FeatureSet> { first.Set };
        var sources = new List<int>(usable);
        var ids = new List<string>(first.Set.Ids);
        var skipped = first.Skipped.ToList();
        try
        {
            for (int w = 1; usable.Any(i => starts[i].Count > w); w++)
            {
                var members = usable.Where(i => starts[i].Count > w).ToList();
                var window = new ClipWindow(starts[members[0]][w]);
                var part = FeatureSetBuilder.BuildUsable(members.Select(i => utterances[i]).ToList(), spec,
                    cache?.ForTransform(window.CanonicalString()), Offset(progress, sources.Count), path => window.Apply(load(path)));
                skipped.AddRange(part.Skipped.Select(s => s with { Reason = $"window {w + 1}: {s.Reason}" }));
                var kept = part.Set.Ids.Select(id => index[id]).ToList();
                parts.Add(part.Set);
                sources.AddRange(kept);
                ids.AddRange(kept.Select(i => $"{utterances[i].Id}@w{w + 1}"));
            }
            var inputs = parts.Count == 1 ? parts[0].Inputs.clone() : cat(parts.Select(p => p.Inputs).ToArray(), 0);
            var set = new FeatureSet(inputs, parts.SelectMany(p => p.Labels).ToArray(), ids, spec, parts.SelectMany(p => p.ValidFrames).ToArray(),
                sources.Select(i => utterances[i].Id).ToArray());
            return (new FeatureBuild(set, skipped), sources);
        }
        finally
        {
            foreach (var part in parts) part.Dispose();
        }
    }

    /// <summary>The clip's length in samples at the grid's rate, from the header's duration (no decoding).</summary>
    private static int Samples(Utterance u, FeatureSpec spec) => (int)Math.Round(u.DurationSeconds * spec.Preset.SampleRate);

    private static SyncProgress<int>? Offset(IProgress<int>? progress, int offset) =>
        progress is null ? null : new SyncProgress<int>(n => progress.Report(offset + n));
}
