using SerDarts.Audio;

namespace SerDarts.Tests.Audio;

public class WavReaderErrorTests
{
    private static readonly byte[] FourFrames = WavBytes.Pcm16(1, 2, 3, 4);

    private static AudioFormatException Fails(byte[] bytes)
    {
        var error = Assert.Throws<AudioFormatException>(() => WavReader.Read(new MemoryStream(bytes), "clip.wav"));
        Assert.Equal("clip.wav", error.Path);
        Assert.StartsWith("clip.wav: ", error.Message);
        return error;
    }

    private static void FailsWith(byte[] bytes, string problem) => Assert.Contains(problem, Fails(bytes).Problem);

    [Fact]
    public void Empty_file_is_rejected() => FailsWith([], "empty file");

    [Fact]
    public void Non_riff_bytes_are_rejected() => FailsWith("OggS\0\u0002\0\0\0\0\0\0\0\0"u8.ToArray(), "not a RIFF/WAVE file (starts with 'OggS')");

    [Fact]
    public void Riff_of_another_form_is_rejected() => FailsWith("RIFF\u0004\0\0\0AVI "u8.ToArray(), "not WAVE (form type 'AVI ')");

    [Fact]
    public void Rf64_is_named_as_unsupported() => FailsWith("RF64\xff\xff\xff\xffWAVE"u8.ToArray(), "RF64");

    [Fact]
    public void Truncated_riff_header_is_rejected() => FailsWith("RIFF\u0004\0\0"u8.ToArray(), "truncated header");

    [Fact]
    public void Truncated_fmt_chunk_is_rejected()
    {
        var bytes = new WavBytes().Build(FourFrames)[..30]; // cut inside the 16-byte fmt body
        FailsWith(bytes, "truncated header: chunk 'fmt ' at byte 12 declares 16 bytes but only 10 follow");
    }

    [Fact]
    public void Fmt_chunk_shorter_than_16_bytes_is_rejected()
    {
        byte[] bytes = [.. "RIFF"u8, .. WavBytes.U32(20), .. "WAVEfmt "u8, .. WavBytes.U32(8), .. new byte[8]];
        FailsWith(bytes, "'fmt ' chunk holds 8 bytes");
    }

    [Fact]
    public void Truncated_data_is_rejected()
    {
        var bytes = new WavBytes().Build(new byte[1000])[..144];
        FailsWith(bytes, "truncated data: the header declares 1000 bytes of audio but the file holds only 100");
    }

    [Fact]
    public void Huge_declared_data_size_is_rejected_without_allocating_it()
    {
        var bytes = new WavBytes { DeclaredDataBytes = 0xFFFFFFF0 }.Build(FourFrames);
        long before = GC.GetAllocatedBytesForCurrentThread();
        FailsWith(bytes, "declares 4294967280 bytes of audio but the file holds only 8");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 256 * 1024);
    }

    [Theory]
    [InlineData(0x0055, "MP3")]
    [InlineData(0x0002, "Microsoft ADPCM")]
    [InlineData(0x0011, "IMA ADPCM")]
    [InlineData(0x0007, "mu-law")]
    [InlineData(0x1234, "unknown")]
    public void Compressed_codecs_are_named_as_unsupported(int tag, string codec) =>
        FailsWith(new WavBytes { FormatTag = tag }.Build(FourFrames), $"unsupported codec {codec} (format tag 0x{tag:X4})");

    [Fact]
    public void Extensible_with_a_foreign_sub_format_is_rejected()
    {
        var guid = Guid.Parse("6dba3190-67bd-11cf-a0f7-0020afd156e4").ToByteArray(); // KSDATAFORMAT_SUBTYPE_DOLBY_AC3_SPDIF-like
        FailsWith(new WavBytes { Extensible = true, SubFormatGuid = guid }.Build(FourFrames), "WAVE_FORMAT_EXTENSIBLE sub-format");
    }

    [Fact]
    public void Extensible_mp3_is_named() =>
        FailsWith(new WavBytes { Extensible = true, FormatTag = 0x55 }.Build(FourFrames), "unsupported codec MP3");

    [Fact]
    public void Zero_frames_are_rejected() => FailsWith(new WavBytes().Build([]), "zero audio frames");

    [Fact]
    public void Less_than_one_frame_is_zero_frames() =>
        FailsWith(new WavBytes { Channels = 2 }.Build([1, 2]), "zero audio frames (data chunk of 2 bytes)");

    [Theory]
    [InlineData(float.NaN, "NaN")]
    [InlineData(float.PositiveInfinity, "+Infinity")]
    [InlineData(float.NegativeInfinity, "-Infinity")]
    public void Non_finite_float32_samples_are_rejected(float bad, string shown)
    {
        var bytes = new WavBytes { FormatTag = 3, BitsPerSample = 32, Channels = 2 }.Build(WavBytes.Float32(0, 0, 0.5f, bad));
        FailsWith(bytes, $"sample 3 (frame 1, channel 1) is {shown}");
    }

    [Fact]
    public void Non_finite_float64_samples_are_rejected()
    {
        var bytes = new WavBytes { FormatTag = 3, BitsPerSample = 64 }.Build(WavBytes.Float64(0.1, double.NaN));
        FailsWith(bytes, "sample 1 (frame 1, channel 0) is NaN");
    }

    [Fact]
    public void Float64_beyond_single_precision_is_rejected() =>
        FailsWith(new WavBytes { FormatTag = 3, BitsPerSample = 64 }.Build(WavBytes.Float64(1e300)), "overflows single precision");

    [Fact]
    public void Zero_channels_are_rejected() => FailsWith(new WavBytes { Channels = 0, BlockAlign = 2 }.Build(FourFrames), "0 channels");

    [Fact]
    public void Zero_sample_rate_is_rejected() => FailsWith(new WavBytes { SampleRate = 0 }.Build(FourFrames), "invalid sample rate 0 Hz");

    [Fact]
    public void Inconsistent_block_align_is_rejected() =>
        FailsWith(new WavBytes { BlockAlign = 3 }.Build(FourFrames), "block align 3 does not match 1 channels of 16-bit samples");

    [Theory]
    [InlineData(1, 12, "unsupported PCM sample size: 12 bits")]
    [InlineData(3, 16, "unsupported float sample size: 16 bits")]
    public void Unsupported_sample_sizes_are_rejected(int tag, int bits, string problem) =>
        FailsWith(new WavBytes { FormatTag = tag, BitsPerSample = bits, BlockAlign = 2 }.Build(FourFrames), problem);

    [Fact]
    public void Missing_data_chunk_is_rejected() => FailsWith(new WavBytes { OmitData = true }.Build(FourFrames), "no 'data' chunk");

    [Fact]
    public void Data_before_fmt_is_rejected() =>
        FailsWith(new WavBytes { DataBeforeFmt = true }.Build(FourFrames), "'data' chunk comes before any 'fmt ' chunk");

    [Fact]
    public void Missing_fmt_chunk_is_rejected()
    {
        byte[] bytes = [.. "RIFF"u8, .. WavBytes.U32(16), .. "WAVELIST"u8, .. WavBytes.U32(4), .. "INFO"u8];
        FailsWith(bytes, "no 'fmt ' chunk");
    }

    [Fact]
    public void Errors_from_disk_name_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"serdarts-bad-{Guid.NewGuid():N}.wav");
        try
        {
            File.WriteAllBytes(path, "ID3\u0003\0\0\0\0\0\0\0\0\0\0"u8.ToArray()); // an MP3 renamed to .wav
            var error = Assert.Throws<AudioFormatException>(() => WavReader.Read(path));
            Assert.Equal(path, error.Path);
            Assert.Equal($"{path}: not a RIFF/WAVE file (starts with 'ID3\\x03')", error.Message);
            Assert.IsAssignableFrom<IOException>(error);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
