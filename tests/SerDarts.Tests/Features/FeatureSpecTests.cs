using SerDarts.Features;

namespace SerDarts.Tests.Features;

public class FeatureSpecTests
{
    [Fact]
    public void Paper_grid_is_128_by_128_over_a_4_06_second_window()
    {
        var spec = FeatureSpec.Paper(FeatureKind.Mfcc);
        Assert.Equal((128, 128, 1), (spec.Rows, spec.Frames, spec.Channels));
        Assert.Equal(127 * 512, spec.WindowSamples);
        Assert.Equal(FeaturePreset.Paper, spec.Preset);
    }

    [Theory]
    [InlineData("paper")]
    [InlineData("small")]
    public void Mfcc_and_log_mel_grids_differ_only_in_the_kind(string grid)
    {
        var mfcc = FeatureSpec.FromName(grid, FeatureKind.Mfcc);
        var logMel = FeatureSpec.FromName(grid, FeatureKind.LogMel);
        Assert.Equal((mfcc.Rows, mfcc.Frames, mfcc.WindowSamples), (logMel.Rows, logMel.Frames, logMel.WindowSamples));
        mfcc.Validate();
        logMel.Validate();
    }

    [Fact]
    public void Small_grid_is_64_by_64_over_the_same_window_as_the_paper_grid()
    {
        var small = FeatureSpec.Small(FeatureKind.LogMel);
        Assert.Equal((64, 64, 2, 2), (small.Rows, small.Frames, small.TimePool, small.BandPool));
        Assert.Equal(FeatureSpec.Paper(FeatureKind.LogMel).WindowSamples, small.WindowSamples);
        Assert.Equal(1, FeatureSpec.Small(FeatureKind.Mfcc).BandPool);
    }

    [Fact]
    public void Spectrogram_ablation_uses_the_log_mel_grid()
    {
        Assert.Equal(FeatureSpec.Paper(FeatureKind.LogMel), FeatureSpec.Paper(FeatureKind.Spectrogram));
        var raw = FeatureSpec.Paper(FeatureKind.Mfcc) with { Kind = FeatureKind.Spectrogram };
        Assert.Throws<ArgumentException>(raw.Validate);
    }

    [Fact]
    public void Spec_hash_is_stable_and_changes_with_any_parameter()
    {
        var spec = FeatureSpec.Paper(FeatureKind.Mfcc);
        Assert.Equal(spec.SpecHash(), FeatureSpec.Paper(FeatureKind.Mfcc).SpecHash());
        Assert.Matches("^[0-9a-f]{16}$", spec.SpecHash());
        var variants = new[]
        {
            spec with { Kind = FeatureKind.LogMel }, spec with { Frames = 64 }, spec with { TimePool = 2 },
            spec with { Preset = spec.Preset with { TopDb = 60.0 } }, spec with { Preset = spec.Preset with { HopLength = 256 } },
        };
        Assert.Equal(variants.Length + 1, variants.Select(v => v.SpecHash()).Append(spec.SpecHash()).Distinct().Count());
    }

    [Fact]
    public void Canonical_string_ignores_the_preset_label_and_records_every_parameter()
    {
        var spec = FeatureSpec.Paper(FeatureKind.Mfcc);
        Assert.Equal(spec.CanonicalString(), (spec with { Preset = spec.Preset with { Name = "renamed" } }).CanonicalString());
        Assert.Equal(
            "serdarts.features/v1|sr=16000;n_fft=2048;win=2048;hop=512;n_mels=128;n_mfcc=128;f_min=0;f_max=8000;" +
            "window=hann;center=True;pad=Constant;power=2;mel_scale=Slaney;mel_norm=Slaney;top_db=80;dct=ortho" +
            "|kind=mfcc|rows=128|frames=128|time_pool=1|band_pool=1|deltas=False|window=first,zero-pad-end",
            spec.CanonicalString());
    }

    [Fact]
    public void Invalid_grids_are_rejected_with_the_reason()
    {
        var e = Assert.Throws<ArgumentException>((FeatureSpec.Paper(FeatureKind.LogMel) with { Rows = 100 }).Validate);
        Assert.Contains("n_mels", e.Message);
        Assert.Throws<ArgumentException>((FeatureSpec.Paper(FeatureKind.Mfcc) with { Rows = 200 }).Validate);
        Assert.Throws<ArgumentException>(() => FeatureSpec.FromName("huge", FeatureKind.Mfcc));
    }
}
