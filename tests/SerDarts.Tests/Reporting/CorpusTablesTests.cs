using SerDarts.Corpora;
using SerDarts.Features;
using SerDarts.Reporting;
using static TorchSharp.torch;

namespace SerDarts.Tests.Reporting;

public class CorpusTablesTests
{
    [Fact]
    public void Speaker_table_of_the_sample_corpus_has_seven_clips_per_class_and_speaker()
    {
        var frame = CorpusTables.BySpeaker(SampleCorpus.Scan().Summarize());
        Assert.Equal(8, frame.Rows.Count); // 4 sessions x 2 speakers (data/README.md)
        foreach (var emotion in EmotionClasses.FourClass)
            Assert.All(frame.Rows, row => Assert.Equal(7L, row[frame.Columns.IndexOf(emotion)]));
        Assert.All(frame.Rows, row => Assert.Equal(28L, row[frame.Columns.IndexOf("total")]));
    }

    [Fact]
    public void Class_statistics_are_taken_over_each_class_frames()
    {
        // Two clips of class 0 with rows [1,3] and [5,7] in row 0 (frames), one clip of class 2 with [2,2].
        var inputs = tensor(new float[] { 1, 3, 9, 9, 5, 7, 9, 9, 2, 2, 9, 9 }).reshape(3, 1, 2, 2);
        using var set = new FeatureSet(inputs, [0, 0, 2], ["a", "b", "c"]);
        var frame = CorpusTables.ClassStatistics(set, rows: 1);

        Assert.Equal(new[] { "neutral", "sad" }, frame.Columns["class"].Cast<string>());
        Assert.Equal(4.0, (double)frame.Columns["mean[0]"][0]!);                // (1+3+5+7)/4
        Assert.Equal(Math.Round(Math.Sqrt(5.0), 4), (double)frame.Columns["std[0]"][0]!); // population std of 1,3,5,7
        Assert.Equal(2.0, (double)frame.Columns["mean[0]"][1]!);
        Assert.Equal(0.0, (double)frame.Columns["std[0]"][1]!);
    }
}
