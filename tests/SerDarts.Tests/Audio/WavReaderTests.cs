using SerDarts.Audio;

namespace SerDarts.Tests.Audio;

public class WavReaderTests
{
    private static AudioClip Read(WavBytes spec, byte[] data) => WavReader.Read(new MemoryStream(spec.Build(data)), "test.wav");

    [Fact]
    public void Pcm16_scales_by_32768()
    {
        var clip = Read(new WavBytes(), WavBytes.Pcm16(0, 16384, -32768, 32767));
        Assert.Equal([0f, 0.5f, -1f, 32767f / 32768f], clip.Samples);
        Assert.Equal(16000, clip.SampleRate);
    }

    [Fact]
    public void Pcm8_is_unsigned_with_128_as_silence()
    {
        var clip = Read(new WavBytes { BitsPerSample = 8 }, [128, 255, 0, 192]);
        Assert.Equal([0f, 127f / 128f, -1f, 0.5f], clip.Samples);
    }

    [Fact]
    public void Pcm24_is_sign_extended()
    {
        byte[] data = [0x00, 0x00, 0x40, 0x00, 0x00, 0x80, 0xFF, 0xFF, 0xFF, 0x01, 0x00, 0x00];
        var clip = Read(new WavBytes { BitsPerSample = 24 }, data);
        Assert.Equal([0.5f, -1f, -1f / 8388608f, 1f / 8388608f], clip.Samples);
    }

    [Fact]
    public void Pcm32_scales_by_two_to_the_31()
    {
        var data = new[] { int.MinValue, 1 << 30, -(1 << 29) }.SelectMany(BitConverter.GetBytes).ToArray();
        var clip = Read(new WavBytes { BitsPerSample = 32 }, data);
        Assert.Equal([-1f, 0.5f, -0.25f], clip.Samples);
    }

    [Fact]
    public void Float32_and_float64_samples_pass_through()
    {
        var f32 = Read(new WavBytes { FormatTag = 3, BitsPerSample = 32 }, WavBytes.Float32(0.25f, -0.75f, 1.5f));
        var f64 = Read(new WavBytes { FormatTag = 3, BitsPerSample = 64 }, WavBytes.Float64(0.125, -1.0, 0.1));
        Assert.Equal([0.25f, -0.75f, 1.5f], f32.Samples);
        Assert.Equal([0.125f, -1f, 0.1f], f64.Samples);
    }

    [Theory]
    [InlineData(1, 16)]
    [InlineData(1, 24)]
    [InlineData(3, 32)]
    public void Extensible_format_reads_like_its_sub_format(int tag, int bits)
    {
        byte[] frame = (tag, bits) switch
        {
            (1, 16) => WavBytes.Pcm16(16384, -16384),
            (1, 24) => [0x00, 0x00, 0x40, 0x00, 0x00, 0xC0],
            _ => WavBytes.Float32(0.5f, -0.5f),
        };
        var clip = Read(new WavBytes { Extensible = true, FormatTag = tag, BitsPerSample = bits, Channels = 2 }, [.. frame, .. frame]);
        Assert.Equal([0f, 0f], clip.Samples); // +0.5 and -0.5 average to silence
    }

    [Fact]
    public void Channels_are_averaged_to_mono()
    {
        var data = WavBytes.Float32(0.3f, 0.6f, 0.9f, -0.3f, 0f, 0f);
        var clip = Read(new WavBytes { FormatTag = 3, BitsPerSample = 32, Channels = 3 }, data);
        Assert.Equal(0.6f, clip.Samples[0], 6);
        Assert.Equal(-0.1f, clip.Samples[1], 6);
        Assert.Equal(2, clip.Samples.Length);
    }

    [Fact]
    public void Unknown_and_odd_sized_chunks_are_skipped()
    {
        var spec = new WavBytes
        {
            ChunksBeforeFmt = [("JUNK", new byte[7])],
            ChunksBeforeData = [("LIST", "INFOISFT\u0005\0\0\0sox!\0"u8.ToArray()), ("fact", WavBytes.U32(2))],
        };
        Assert.Equal([0.5f, -0.5f], Read(spec, WavBytes.Pcm16(16384, -16384)).Samples);
    }

    [Fact]
    public void Any_sample_rate_is_kept()
    {
        Assert.Equal(44100, Read(new WavBytes { SampleRate = 44100 }, WavBytes.Pcm16(1)).SampleRate);
        Assert.Equal(7, Read(new WavBytes { SampleRate = 7 }, WavBytes.Pcm16(1)).SampleRate);
    }

    [Fact]
    public void Trailing_partial_frame_is_ignored()
    {
        var clip = Read(new WavBytes { Channels = 2 }, [.. WavBytes.Pcm16(16384, 16384), 0x01, 0x02]);
        Assert.Equal([0.5f], clip.Samples);
    }

    [Fact]
    public void Long_stereo_data_is_streamed_across_blocks()
    {
        const int frames = 100_003; // 400 kB: several 64 KiB blocks, last one partial
        var data = new byte[frames * 4];
        for (int i = 0; i < frames; i++)
        {
            BitConverter.TryWriteBytes(data.AsSpan(i * 4), (short)(i % 30000));
            BitConverter.TryWriteBytes(data.AsSpan(i * 4 + 2), (short)(-(i % 20000)));
        }
        var clip = Read(new WavBytes { Channels = 2 }, data);
        Assert.Equal(frames, clip.Samples.Length);
        foreach (int i in new[] { 0, 1, 16383, 16384, 16385, 65535, 65536, frames - 1 })
            Assert.Equal((i % 30000 - i % 20000) / 2.0 / 32768.0, clip.Samples[i], 6);
    }

    [Fact]
    public void Files_are_read_from_disk_and_info_comes_from_the_header()
    {
        var path = Path.Combine(Path.GetTempPath(), $"serdarts-wav-{Guid.NewGuid():N}.wav");
        try
        {
            File.WriteAllBytes(path, new WavBytes { SampleRate = 8000, Channels = 2 }.Build(new byte[8000 * 4 * 3 / 2]));
            var info = WavReader.ReadInfo(path);
            Assert.Equal(new WavInfo(WavEncoding.Pcm, 2, 8000, 16, 12000), info);
            Assert.Equal(1.5, info.DurationSeconds);
            Assert.Equal(12000, WavReader.Read(path).Samples.Length);
            var loaded = AudioFile.Load(path);
            Assert.Equal(16000, loaded.SampleRate);
            Assert.Equal(24000, loaded.Samples.Length);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
