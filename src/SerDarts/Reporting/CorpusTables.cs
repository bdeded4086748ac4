using Microsoft.Data.Analysis;
using SerDarts.Corpora;
using SerDarts.Experiments.Analysis;
using SerDarts.Features;

namespace SerDarts.Reporting;

/// <summary>Corpus and feature overviews as DataFrames, for notebooks.</summary>
public static class CorpusTables
{
    /// <summary>Utterances per session x speaker and class, with each row's total and duration in seconds.</summary>
    public static DataFrame BySpeaker(CorpusSummary summary)
    {
        var builder = new FrameBuilder<SpeakerCounts>(summary.BySpeaker)
            .Text("session", r => r.Session)
            .Text("speaker", r => r.Speaker);
        for (int c = 0; c < EmotionClasses.FourClass.Count; c++)
        {
            int index = c;
            builder.Integer(EmotionClasses.FourClass[c], r => r.Classes[index]);
        }
        return builder.Integer("total", r => r.Total).Number("duration (s)", r => Math.Round(r.DurationSeconds, 1)).Build();
    }

    /// <summary>
    /// Per class: clips, and the mean and (population) standard deviation of the first <paramref name="rows"/>
    /// feature rows (e.g. MFCC 0..k-1) over every frame of the class' clips.
    /// </summary>
    public static DataFrame ClassStatistics(FeatureSet set, int rows)
    {
        var shape = set.Inputs.shape; // [N, C, R, F]
        int channels = (int)shape[1], r = (int)shape[2], f = (int)shape[3];
        if (rows < 1 || rows > r) throw new ArgumentOutOfRangeException(nameof(rows), rows, $"the set has {r} rows");
        var values = set.Inputs.data<float>().ToArray();
        var classes = Enumerable.Range(0, EmotionClasses.FourClass.Count).Where(c => set.Labels.Contains(c)).ToList();
        var builder = new FrameBuilder<int>(classes)
            .Text("class", c => EmotionClasses.FourClass[c])
            .Integer("clips", c => set.Labels.Count(l => l == c));
        for (int row = 0; row < rows; row++)
        {
            int k = row;
            builder.Number($"mean[{k}]", c => Stats(values, set.Labels, c, k, channels, r, f).Mean)
                   .Number($"std[{k}]", c => Stats(values, set.Labels, c, k, channels, r, f).Std);
        }
        return builder.Build();
    }

    private static (double Mean, double Std) Stats(float[] values, long[] labels, int cls, int row, int channels, int rows, int frames)
    {
        double sum = 0, sumSq = 0;
        long n = 0;
        for (int clip = 0; clip < labels.Length; clip++)
        {
            if (labels[clip] != cls) continue;
            int start = (clip * channels * rows + row) * frames; // channel 0
            for (int t = 0; t < frames; t++)
            {
                double x = values[start + t];
                sum += x;
                sumSq += x * x;
                n++;
            }
        }
        double mean = sum / n;
        return (Math.Round(mean, 4), Math.Round(Math.Sqrt(Math.Max(0, sumSq / n - mean * mean)), 4));
    }
}
