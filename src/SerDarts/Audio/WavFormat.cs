using System.Buffers.Binary;

namespace SerDarts.Audio;

/// <summary>The validated contents of a "fmt " chunk.</summary>
internal sealed record WavFormat(WavEncoding Encoding, int Channels, int SampleRate, int BitsPerSample, int BlockAlign)
{
    private const ushort TagPcm = 0x0001, TagFloat = 0x0003, TagExtensible = 0xFFFE;

    // The tail shared by every KSDATAFORMAT_SUBTYPE_* GUID; the first four bytes carry the format tag.
    private static ReadOnlySpan<byte> SubFormatTail => [0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    public WavInfo ToInfo(long frames) => new(Encoding, Channels, SampleRate, BitsPerSample, frames);

    public static WavFormat Parse(ReadOnlySpan<byte> fmt, string name)
    {
        if (fmt.Length < 16)
            throw new AudioFormatException(name, $"truncated header: 'fmt ' chunk holds {fmt.Length} bytes, at least 16 are needed");
        int tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        uint rate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        if (tag == TagExtensible)
            tag = SubFormatTag(fmt, name);
        var encoding = tag switch
        {
            TagPcm => WavEncoding.Pcm,
            TagFloat => WavEncoding.Float,
            _ => throw new AudioFormatException(name,
                $"unsupported codec {CodecName(tag)} (format tag 0x{tag:X4}); convert to PCM, e.g. `sox in.wav -b 16 out.wav`"),
        };
        CheckBits(encoding, bits, name);
        if (channels == 0)
            throw new AudioFormatException(name, "the header declares 0 channels");
        if (rate == 0 || rate > int.MaxValue)
            throw new AudioFormatException(name, $"invalid sample rate {rate} Hz");
        if (blockAlign != channels * bits / 8)
            throw new AudioFormatException(name,
                $"block align {blockAlign} does not match {channels} channels of {bits}-bit samples");
        return new WavFormat(encoding, channels, (int)rate, bits, blockAlign);
    }

    private static int SubFormatTag(ReadOnlySpan<byte> fmt, string name)
    {
        if (fmt.Length < 40)
            throw new AudioFormatException(name, $"truncated header: WAVE_FORMAT_EXTENSIBLE needs a 40-byte 'fmt ' chunk, got {fmt.Length}");
        var guid = fmt[24..40];
        uint tag = BinaryPrimitives.ReadUInt32LittleEndian(guid);
        if (!guid[4..].SequenceEqual(SubFormatTail) || tag > 0xFFFF)
            throw new AudioFormatException(name, $"unsupported codec: WAVE_FORMAT_EXTENSIBLE sub-format {new Guid(guid)}");
        return (int)tag;
    }

    private static void CheckBits(WavEncoding encoding, int bits, string name)
    {
        bool ok = encoding == WavEncoding.Pcm ? bits is 8 or 16 or 24 or 32 : bits is 32 or 64;
        if (!ok)
            throw new AudioFormatException(name, $"unsupported {(encoding == WavEncoding.Pcm ? "PCM" : "float")} sample size: {bits} bits");
    }

    private static string CodecName(int tag) => tag switch
    {
        0x0002 => "Microsoft ADPCM",
        0x0006 => "A-law",
        0x0007 => "mu-law",
        0x0011 => "IMA ADPCM",
        0x0031 => "GSM 6.10",
        0x0050 => "MPEG audio",
        0x0055 => "MP3",
        0x0161 or 0x0162 or 0x0163 => "Windows Media Audio",
        0x2000 => "AC-3",
        0xF1AC => "FLAC",
        _ => "unknown",
    };
}
