using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SerDarts.Runs;

/// <summary>
/// The bytes of a checkpoint file (version 2):
/// <code>
/// prefix   0x13 "SERDARTS-CHECKPOINT" (20 bytes), int32 version = 2
/// payload  what the caller writes (header JSON, module and optimiser states)
/// trailer  int64 payload length, SHA-256 of the payload (32 bytes), "CKPT-END"
/// </code>
/// All integers little-endian. The prefix is what version 1 wrote with BinaryWriter, so old files are told apart
/// by their version field. <see cref="Verify"/> checks the trailer and the checksum before anything parses the
/// payload: flipped, overwritten or missing bytes are reported here and never reach TorchSharp's native loader.
/// </summary>
internal static class CheckpointFormat
{
    public const int Version = 2;
    private static readonly byte[] Magic = [0x13, .. "SERDARTS-CHECKPOINT"u8];
    private static readonly byte[] EndMarker = "CKPT-END"u8.ToArray();
    private const int PrefixBytes = 20 + 4;
    private const int TrailerBytes = 8 + 32 + 8;

    /// <summary>Writes prefix, payload and trailer; the checksum is computed while <paramref name="payload"/> writes.</summary>
    public static void Write(Stream stream, Action<BinaryWriter> payload)
    {
        Span<byte> number = stackalloc byte[8];
        stream.Write(Magic);
        BinaryPrimitives.WriteInt32LittleEndian(number, Version);
        stream.Write(number[..4]);
        using var checksum = new ChecksumStream(stream);
        using (var writer = new BinaryWriter(checksum, Encoding.UTF8, leaveOpen: true))
        {
            payload(writer);
            writer.Flush();
        }
        BinaryPrimitives.WriteInt64LittleEndian(number, checksum.Length);
        stream.Write(number);
        stream.Write(checksum.Checksum());
        stream.Write(EndMarker);
    }

    /// <summary>
    /// Checks the whole file without parsing the payload. Returns null for a sound file, with the stream left at
    /// the payload's first byte and <paramref name="payloadEnd"/> set to the offset just past it; otherwise what
    /// is wrong with it.
    /// </summary>
    public static string? Verify(Stream stream, out long payloadEnd)
    {
        payloadEnd = 0;
        long length = stream.Length;
        if (length == 0) return "empty file";
        var prefix = new byte[PrefixBytes];
        stream.Position = 0;
        if (length < PrefixBytes || !ReadAll(stream, prefix) || !prefix.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            return "not a SerDarts checkpoint (no SERDARTS-CHECKPOINT prefix)";
        int version = BinaryPrimitives.ReadInt32LittleEndian(prefix.AsSpan(Magic.Length));
        if (version == 1) return "a version 1 checkpoint: it has no checksum, so it cannot be verified";
        if (version != Version) return $"checkpoint version {version}, expected {Version}";
        if (length < PrefixBytes + TrailerBytes) return $"truncated: {length} bytes, too short to hold the checksum trailer";
        var trailer = new byte[TrailerBytes];
        stream.Position = length - TrailerBytes;
        if (!ReadAll(stream, trailer) || !trailer.AsSpan(40).SequenceEqual(EndMarker))
            return "truncated or overwritten: the file does not end with the checksum trailer";
        long declared = BinaryPrimitives.ReadInt64LittleEndian(trailer);
        long held = length - PrefixBytes - TrailerBytes;
        if (declared != held) return $"truncated or overwritten: the trailer declares {declared} payload bytes, the file holds {held}";
        stream.Position = PrefixBytes;
        if (!Hash(stream, held).AsSpan().SequenceEqual(trailer.AsSpan(8, 32)))
            return "checksum mismatch: the content changed after it was written (damaged or overwritten bytes)";
        stream.Position = PrefixBytes;
        payloadEnd = PrefixBytes + held;
        return null;
    }

    private static byte[] Hash(Stream stream, long bytes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 20];
        while (bytes > 0)
        {
            int got = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, bytes));
            if (got == 0) break; // the file shrank while being read: the hash will not match
            hash.AppendData(buffer, 0, got);
            bytes -= got;
        }
        return hash.GetHashAndReset();
    }

    private static bool ReadAll(Stream stream, byte[] buffer) => stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) == buffer.Length;
}
