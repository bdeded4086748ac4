using System.Buffers.Binary;
using System.Text;

namespace SerDarts.Tests.Audio;

/// <summary>
/// Writes RIFF/WAVE bytes field by field, independently of the reader under test, including broken variants.
/// </summary>
internal sealed record WavBytes
{
    public int FormatTag { get; init; } = 1;
    public int Channels { get; init; } = 1;
    public int SampleRate { get; init; } = 16000;
    public int BitsPerSample { get; init; } = 16;
    public int? BlockAlign { get; init; }
    public bool Extensible { get; init; }
    public byte[]? SubFormatGuid { get; init; }
    public uint? DeclaredDataBytes { get; init; }
    public bool DataBeforeFmt { get; init; }
    public bool OmitData { get; init; }
    public IReadOnlyList<(string Id, byte[] Body)> ChunksBeforeFmt { get; init; } = [];
    public IReadOnlyList<(string Id, byte[] Body)> ChunksBeforeData { get; init; } = [];

    public static readonly byte[] GuidTail = [0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    public byte[] Build(byte[] data)
    {
        var body = new MemoryStream();
        body.Write("WAVE"u8);
        foreach (var (id, chunk) in ChunksBeforeFmt)
            Chunk(body, id, chunk);
        if (DataBeforeFmt)
            Chunk(body, "data", data);
        Chunk(body, "fmt ", Fmt());
        foreach (var (id, chunk) in ChunksBeforeData)
            Chunk(body, id, chunk);
        if (!DataBeforeFmt && !OmitData)
            Chunk(body, "data", data, DeclaredDataBytes);
        var riff = new MemoryStream();
        riff.Write("RIFF"u8);
        riff.Write(U32((uint)body.Length));
        riff.Write(body.ToArray());
        return riff.ToArray();
    }

    private byte[] Fmt()
    {
        var f = new MemoryStream();
        int bytes = BitsPerSample / 8;
        int align = BlockAlign ?? Channels * bytes;
        f.Write(U16(Extensible ? 0xFFFE : FormatTag));
        f.Write(U16(Channels));
        f.Write(U32((uint)SampleRate));
        f.Write(U32((uint)(SampleRate * align)));
        f.Write(U16(align));
        f.Write(U16(BitsPerSample));
        if (Extensible)
        {
            f.Write(U16(22));
            f.Write(U16(BitsPerSample));
            f.Write(U32(0x3)); // channel mask: front left + right
            f.Write(SubFormatGuid ?? [.. U32((uint)FormatTag), .. GuidTail]);
        }
        return f.ToArray();
    }

    private static void Chunk(Stream s, string id, byte[] body, uint? declared = null)
    {
        s.Write(Encoding.ASCII.GetBytes(id));
        s.Write(U32(declared ?? (uint)body.Length));
        s.Write(body);
        if (body.Length % 2 == 1)
            s.WriteByte(0);
    }

    public static byte[] U16(int v)
    {
        var b = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)v);
        return b;
    }

    public static byte[] U32(uint v)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, v);
        return b;
    }

    public static byte[] Pcm16(params short[] samples) => samples.SelectMany(s => U16((ushort)s)).ToArray();

    public static byte[] Float32(params float[] samples) =>
        samples.SelectMany(BitConverter.GetBytes).ToArray();

    public static byte[] Float64(params double[] samples) =>
        samples.SelectMany(BitConverter.GetBytes).ToArray();

    /// <summary>A valid 16-bit mono file of a few frames, the seed for mutation tests.</summary>
    public static byte[] SmallValid() =>
        new WavBytes { ChunksBeforeData = [("LIST", "INFOtest"u8.ToArray())] }.Build(Pcm16(0, 1000, -1000, 32767, -32768, 5));
}
