using System.Buffers.Binary;

namespace SerDarts.Audio;

/// <summary>
/// The RIFF/WAVE chunk walk: finds "fmt " and "data", skips every other chunk, and checks each declared size
/// against the real stream length before trusting it, so nothing is ever allocated from an untrusted size.
/// </summary>
internal sealed record WavHeader(WavInfo Info, long DataOffset, long DataBytes)
{
    private const int FmtBytesRead = 40; // enough for WAVE_FORMAT_EXTENSIBLE; the rest of a fmt chunk is skipped

    public static WavHeader Parse(Stream stream, string name)
    {
        long length = stream.Length;
        Span<byte> head = stackalloc byte[12];
        int got = ReadAt(stream, 0, head);
        CheckRiff(head[..got], name);
        WavFormat? format = null;
        long pos = 12;
        Span<byte> chunk = stackalloc byte[8];
        while (pos + 8 <= length)
        {
            ReadAt(stream, pos, chunk);
            var id = ChunkId(chunk[..4]);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            long body = pos + 8, available = length - body;
            if (id == "data")
                return DataChunk(format, name, body, size, available);
            if (size > available)
                throw new AudioFormatException(name,
                    $"truncated header: chunk '{id}' at byte {pos} declares {size} bytes but only {available} follow");
            if (id == "fmt ")
                format = ReadFormat(stream, name, body, size, format);
            pos = body + size + (size & 1); // chunks are word-aligned
        }
        if (format is null)
            throw new AudioFormatException(name, length <= 12 ? "truncated header: nothing after the RIFF header" : "no 'fmt ' chunk");
        throw new AudioFormatException(name, "no 'data' chunk");
    }

    private static void CheckRiff(ReadOnlySpan<byte> head, string name)
    {
        if (head.Length == 0)
            throw new AudioFormatException(name, "empty file");
        var magic = ChunkId(head[..Math.Min(4, head.Length)]);
        if (magic == "RF64" || magic == "BW64")
            throw new AudioFormatException(name, $"{magic} (64-bit RIFF) files are not supported; convert to plain WAV");
        if (head.Length < 4 || magic != "RIFF")
            throw new AudioFormatException(name, $"not a RIFF/WAVE file (starts with '{magic}')");
        if (head.Length < 12)
            throw new AudioFormatException(name, $"truncated header: {head.Length} bytes, a RIFF header needs 12");
        var form = ChunkId(head[8..12]);
        if (form != "WAVE")
            throw new AudioFormatException(name, $"a RIFF file but not WAVE (form type '{form}')");
    }

    private static WavFormat ReadFormat(Stream stream, string name, long body, long size, WavFormat? previous)
    {
        if (previous is not null)
            throw new AudioFormatException(name, "two 'fmt ' chunks");
        if (size < 16)
            throw new AudioFormatException(name, $"truncated header: 'fmt ' chunk holds {size} bytes, at least 16 are needed");
        Span<byte> fmt = stackalloc byte[FmtBytesRead];
        int n = ReadAt(stream, body, fmt[..(int)Math.Min(size, FmtBytesRead)]);
        return WavFormat.Parse(fmt[..n], name);
    }

    private static WavHeader DataChunk(WavFormat? format, string name, long body, long size, long available)
    {
        if (format is null)
            throw new AudioFormatException(name, "'data' chunk comes before any 'fmt ' chunk");
        if (size > available)
            throw new AudioFormatException(name,
                $"truncated data: the header declares {size} bytes of audio but the file holds only {available}");
        var info = format.ToInfo(size / format.BlockAlign);
        if (info.Frames == 0)
            throw new AudioFormatException(name, $"zero audio frames (data chunk of {size} bytes)");
        if (info.Frames > Array.MaxLength)
            throw new AudioFormatException(name, $"{info.Frames} frames is more than one clip can hold");
        return new WavHeader(info, body, info.Frames * format.BlockAlign);
    }

    /// <summary>Reads up to buffer.Length bytes at offset; returns how many the stream had.</summary>
    internal static int ReadAt(Stream stream, long offset, Span<byte> buffer)
    {
        stream.Position = offset;
        int total = 0;
        while (total < buffer.Length)
        {
            int n = stream.Read(buffer[total..]);
            if (n == 0)
                break;
            total += n;
        }
        return total;
    }

    /// <summary>A four-character code for messages: printable ASCII kept, anything else as \xNN.</summary>
    private static string ChunkId(ReadOnlySpan<byte> bytes)
    {
        var chars = new System.Text.StringBuilder(4);
        foreach (var b in bytes)
            chars.Append(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}");
        return chars.ToString();
    }
}
