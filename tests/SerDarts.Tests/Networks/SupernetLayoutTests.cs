using SerDarts.Networks;
using SerDarts.Search;
using Xunit;

namespace SerDarts.Tests.Networks;

public sealed class SupernetLayoutTests
{
    [Theory]
    [InlineData(8, 1, true, true)]    // full edges keep NHWC (faster at C = 8)
    [InlineData(4, 1, true, true)]    // the small preset: no partial channels, so the request stands
    [InlineData(8, 4, true, false)]   // 2-channel slices: NCHW
    [InlineData(8, 2, true, false)]   // 4-channel slices: NCHW
    [InlineData(16, 2, true, true)]   // 8-channel slices: NHWC
    [InlineData(8, 1, false, false)]  // NCHW asked for
    public void Supernet_uses_nhwc_only_where_it_was_measured_to_pay(int channels, int k, bool requested, bool expected)
    {
        var spec = new SupernetSpec(channels, 3, 2, 3, k, SearchSpace.Darts, new HeadSpec(), 4, ChannelsLast: requested);
        Assert.Equal(expected, spec.UsesChannelsLast);
    }
}
