using System.Buffers.Binary;

namespace SerDarts.Audio;

/// <summary>
/// RIFF/WAVE reader: integer PCM 8/16/24/32-bit, IEEE float 32/64-bit and WAVE_FORMAT_EXTENSIBLE, any channel
/// count (averaged to mono) and any sample rate. Unknown chunks are skipped; the data chunk is streamed in
/// blocks. Every problem with the bytes surfaces as an <see cref="AudioFormatException"/>.
/// </summary>
public static class WavReader
{
    private const int BlockBytes = 1 << 16;

    /// <summary>Reads a WAV file as mono samples at the file's own rate.</summary>
    public static AudioClip Read(string path)
    {
        using var stream = Open(path);
        return Read(stream, path);
    }

    /// <summary>Reads WAV bytes from a seekable stream; <paramref name="name"/> names it in errors.</summary>
    public static AudioClip Read(Stream stream, string name)
    {
        var header = ParseHeader(stream, name);
        return new AudioClip(DecodeMono(stream, header, name), header.Info.SampleRate);
    }

    /// <summary>Reads and validates only the header: format, rate and length, without decoding samples.</summary>
    public static WavInfo ReadInfo(string path)
    {
        using var stream = Open(path);
        return ParseHeader(stream, path).Info;
    }

    private static FileStream Open(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);

    private static WavHeader ParseHeader(Stream stream, string name)
    {
        if (!stream.CanSeek || !stream.CanRead)
            throw new ArgumentException("the WAV reader needs a readable, seekable stream", nameof(stream));
        return WavHeader.Parse(stream, name);
    }

    private static float[] DecodeMono(Stream stream, WavHeader header, string name)
    {
        var info = header.Info;
        // Safe to allocate: the frame count was checked against the bytes the stream really holds.
        var mono = new float[info.Frames];
        long blockBytes = Math.Max(1, BlockBytes / info.BlockAlign) * info.BlockAlign;
        var buffer = new byte[Math.Min(blockBytes, header.DataBytes)];
        stream.Position = header.DataOffset;
        long frame = 0;
        while (frame < info.Frames)
        {
            int want = (int)Math.Min(buffer.Length, (info.Frames - frame) * info.BlockAlign);
            int got = WavHeader.ReadAt(stream, stream.Position, buffer.AsSpan(0, want));
            if (got < want)
                throw new AudioFormatException(name, $"truncated data: the file ended after frame {frame + got / info.BlockAlign} of {info.Frames}");
            MixDown(buffer.AsSpan(0, got), info, mono.AsSpan((int)frame, got / info.BlockAlign), frame, name);
            frame += got / info.BlockAlign;
        }
        return mono;
    }

    private static void MixDown(ReadOnlySpan<byte> block, WavInfo info, Span<float> mono, long firstFrame, string name)
    {
        int size = info.BytesPerSample, channels = info.Channels;
        for (int f = 0; f < mono.Length; f++)
        {
            double sum = 0;
            for (int c = 0; c < channels; c++)
            {
                double s = Sample(block.Slice((f * channels + c) * size, size), info.Encoding);
                if (!double.IsFinite(s))
                    throw new AudioFormatException(name, $"sample {(firstFrame + f) * channels + c} (frame {firstFrame + f}, channel {c}) is {NonFinite(s)}");
                sum += s;
            }
            mono[f] = (float)(sum / channels);
            if (!float.IsFinite(mono[f]))
                throw new AudioFormatException(name, FormattableString.Invariant($"frame {firstFrame + f} overflows single precision ({sum / channels:G3})"));
        }
    }

    private static string NonFinite(double s) => double.IsNaN(s) ? "NaN" : s > 0 ? "+Infinity" : "-Infinity";

    /// <summary>One little-endian sample scaled to [-1, 1) (floats are passed through as stored).</summary>
    private static double Sample(ReadOnlySpan<byte> b, WavEncoding encoding) => (encoding, b.Length) switch
    {
        (WavEncoding.Pcm, 1) => (b[0] - 128) / 128.0,
        (WavEncoding.Pcm, 2) => BinaryPrimitives.ReadInt16LittleEndian(b) / 32768.0,
        (WavEncoding.Pcm, 3) => ((b[0] | (b[1] << 8) | (b[2] << 16)) << 8 >> 8) / 8388608.0,
        (WavEncoding.Pcm, 4) => BinaryPrimitives.ReadInt32LittleEndian(b) / 2147483648.0,
        (WavEncoding.Float, 4) => BinaryPrimitives.ReadSingleLittleEndian(b),
        (WavEncoding.Float, 8) => BinaryPrimitives.ReadDoubleLittleEndian(b),
        _ => throw new InvalidOperationException($"unvalidated sample format {encoding}/{b.Length}"),
    };
}
