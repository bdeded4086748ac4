using SerDarts.Features;
using TorchSharp;

namespace SerDarts.Tests.Features;

public class FeatureMemoryTests
{
    [Fact]
    public void Repeated_batches_leave_no_live_tensors_behind()
    {
        var clips = new[] { TestCorpus.Tone(200, 30000, 1), TestCorpus.Tone(300, 50000, 2) };
        using var extractor = new FeatureExtractor(FeaturePreset.Speech);
        using var grid = new FeatureGrid(FeatureSpec.Small(FeatureKind.Mfcc));
        void Round()
        {
            foreach (var kind in Enum.GetValues<FeatureKind>())
            {
                using var batch = extractor.Compute(clips, kind);
            }
            using var inputs = grid.Compute(clips);
        }
        Round(); // warm-up: lazily created state
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (int i = 0; i < 4; i++) Round();
        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }
}
