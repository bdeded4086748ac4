using FsCheck.Xunit;
using SerDarts.Audio;

namespace SerDarts.Tests.Audio;

/// <summary>Random and mutated bytes: the reader either returns a sane clip or throws AudioFormatException,
/// and never allocates much more than the input's own size.</summary>
public class WavReaderPropertyTests
{
    private static readonly byte[][] ValidFiles =
    [
        WavBytes.SmallValid(),
        new WavBytes { FormatTag = 3, BitsPerSample = 32, Channels = 2 }.Build(WavBytes.Float32(0.1f, 0.2f, -0.3f, 0.4f)),
        new WavBytes { Extensible = true, BitsPerSample = 24, Channels = 2, SampleRate = 48000 }.Build(new byte[24]),
        new WavBytes { BitsPerSample = 8, ChunksBeforeFmt = [("JUNK", new byte[3])] }.Build([1, 2, 3, 250]),
    ];

    private static bool OnlyTypedErrorsAndBoundedMemory(byte[] bytes)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            var clip = WavReader.Read(new MemoryStream(bytes, writable: false), "fuzz.wav");
            Assert.True(clip.Samples.Length > 0 && clip.SampleRate > 0);
            Assert.All(clip.Samples, s => Assert.True(float.IsFinite(s)));
        }
        catch (AudioFormatException e)
        {
            Assert.StartsWith("fuzz.wav: ", e.Message);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 16L * bytes.Length + 256 * 1024, $"{allocated} bytes allocated for a {bytes.Length}-byte input");
        return true;
    }

    [Property(MaxTest = 300)]
    public bool Random_bytes_raise_only_AudioFormatException(byte[] bytes) => OnlyTypedErrorsAndBoundedMemory(bytes);

    [Property(MaxTest = 300)]
    public bool Random_chunks_after_a_RIFF_WAVE_header_raise_only_AudioFormatException(byte[] tail) =>
        OnlyTypedErrorsAndBoundedMemory([.. "RIFF"u8, .. WavBytes.U32((uint)tail.Length + 4), .. "WAVE"u8, .. tail]);

    [Property(MaxTest = 500)]
    public bool Mutated_valid_files_raise_only_AudioFormatException(byte[] patch, int fileIndex, int offset, int cut)
    {
        var bytes = (byte[])ValidFiles[(int)((uint)fileIndex % ValidFiles.Length)].Clone();
        int at = (int)((uint)offset % bytes.Length);
        patch.AsSpan(0, Math.Min(patch.Length, bytes.Length - at)).CopyTo(bytes.AsSpan(at));
        if (cut < 0) // truncate half of the cases
            bytes = bytes[..(int)((uint)cut % (bytes.Length + 1))];
        return OnlyTypedErrorsAndBoundedMemory(bytes);
    }

    [Property(MaxTest = 500)]
    public bool Random_header_fields_raise_only_AudioFormatException(
        ushort tag, ushort channels, uint rate, ushort blockAlign, ushort bits, uint dataBytes, byte[] data)
    {
        byte[] fmt = [.. WavBytes.U16(tag), .. WavBytes.U16(channels), .. WavBytes.U32(rate), .. WavBytes.U32(rate),
            .. WavBytes.U16(blockAlign), .. WavBytes.U16(bits)];
        byte[] bytes = [.. "RIFF"u8, .. WavBytes.U32(36), .. "WAVEfmt "u8, .. WavBytes.U32(16), .. fmt,
            .. "data"u8, .. WavBytes.U32(dataBytes % 2 == 0 ? (uint)data.Length : dataBytes), .. data];
        return OnlyTypedErrorsAndBoundedMemory(bytes);
    }

    [Fact]
    public void Seed_files_of_the_mutation_test_are_valid()
    {
        foreach (var bytes in ValidFiles)
            Assert.NotEmpty(WavReader.Read(new MemoryStream(bytes), "seed.wav").Samples);
    }
}
