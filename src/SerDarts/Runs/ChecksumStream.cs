using System.Security.Cryptography;

namespace SerDarts.Runs;

/// <summary>
/// A write-only pass-through stream that hashes (SHA-256) and counts what goes through it, so a checkpoint's
/// checksum is computed while TorchSharp streams the tensors out, without a second copy in memory.
/// </summary>
internal sealed class ChecksumStream(Stream inner) : Stream
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long written;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => written;

    public override long Position
    {
        get => written;
        set => throw new NotSupportedException("a checksum stream only appends");
    }

    /// <summary>SHA-256 of everything written so far.</summary>
    public byte[] Checksum() => hash.GetCurrentHash();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        inner.Write(buffer);
        hash.AppendData(buffer);
        written += buffer.Length;
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("a checksum stream is write-only");

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("a checksum stream only appends");

    public override void SetLength(long value) => throw new NotSupportedException("a checksum stream only appends");

    protected override void Dispose(bool disposing)
    {
        if (disposing) hash.Dispose();
        base.Dispose(disposing);
    }
}
