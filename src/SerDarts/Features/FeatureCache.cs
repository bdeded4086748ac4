using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SerDarts.Runtime;

namespace SerDarts.Features;

/// <summary>
/// Features on disk, one file per (audio file, feature spec, waveform transform if any, see <see cref="ForTransform"/>):
/// folder/&lt;spec hash&gt;/&lt;hash of path and transform&gt;.sdfeat.
/// Each entry starts with a header recording the canonical spec, the SHA-256 of the audio file and of the
/// payload; a lookup trusts an entry only if all three match, so a changed spec or changed audio is a miss.
/// Entries are written atomically (temp file + fsync + rename): a killed run leaves at most an orphan temp
/// file, which no lookup reads, and processes filling the same cache only ever replace whole entries.
/// </summary>
public sealed class FeatureCache
{
    private static readonly byte[] Magic = "SDFEAT01"u8.ToArray();
    private const string Extension = ".sdfeat";
    private readonly Func<Stream, Stream>? wrapWrites;

    public FeatureCache(string folder) : this(folder, null) { }

    /// <summary>For tests: <paramref name="wrapWrites"/> wraps the stream entries are written to (fault injection).</summary>
    internal FeatureCache(string folder, Func<Stream, Stream>? wrapWrites, string? transform = null)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("the feature cache format is little-endian");
        Folder = Path.GetFullPath(folder);
        this.wrapWrites = wrapWrites;
        Transform = transform;
    }

    public string Folder { get; }

    /// <summary>The waveform transform (its canonical string) the entries of this view were computed through;
    /// null for the plain audio. Part of every entry's key and header.</summary>
    public string? Transform { get; }

    /// <summary>The same folder, for features of the audio after <paramref name="transform"/> (a canonical string,
    /// Audio.Augmentation.IWaveformTransform): entries keyed by (audio path, spec, transform).</summary>
    public FeatureCache ForTransform(string transform)
    {
        ArgumentException.ThrowIfNullOrEmpty(transform);
        return new(Folder, wrapWrites, transform);
    }

    /// <summary>The cache under SerDarts' cache root (<see cref="CacheFolders.Root"/>/features).</summary>
    public static FeatureCache Default() => new(Path.Combine(CacheFolders.Root(), "features"));

    /// <summary>SHA-256 (hex) of an audio file's bytes: the identity of the input a cached entry was computed from.</summary>
    public static string HashAudio(string audioPath)
    {
        using var stream = File.OpenRead(audioPath);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }

    public string EntryPath(string audioPath, FeatureSpec spec)
    {
        var identity = Path.GetFullPath(audioPath) + (Transform is null ? "" : "\n" + Transform);
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32];
        return Path.Combine(Folder, spec.SpecHash(), key.ToLowerInvariant() + Extension);
    }

    /// <summary>The cached grid of <paramref name="audioPath"/> under <paramref name="spec"/>, if valid.</summary>
    public CacheLookup Lookup(string audioPath, string audioSha256, FeatureSpec spec)
    {
        var path = EntryPath(audioPath, spec);
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (FileNotFoundException) { return CacheLookup.Miss(CacheStatus.Missing, "no entry"); }
        catch (DirectoryNotFoundException) { return CacheLookup.Miss(CacheStatus.Missing, "no entry"); }
        if (!TryParse(bytes, out var header, out var payload, out var problem))
            return CacheLookup.Miss(CacheStatus.Corrupt, $"{path}: {problem}");
        if (header.Spec != spec.CanonicalString()) return CacheLookup.Miss(CacheStatus.Stale, "feature spec changed");
        if (header.AudioSha256 != audioSha256) return CacheLookup.Miss(CacheStatus.Stale, "audio changed");
        if (header.Transform != Transform) return CacheLookup.Miss(CacheStatus.Stale, "augmentation transform changed");
        if (header.Shape.Aggregate(1L, (a, b) => a * b) != spec.Channels * spec.Rows * spec.Frames)
            return CacheLookup.Miss(CacheStatus.Corrupt, $"{path}: shape does not match the spec");
        return new CacheLookup(CacheStatus.Hit, MemoryMarshal.Cast<byte, float>(payload).ToArray(), null);
    }

    /// <summary>Writes (or replaces) the entry atomically.</summary>
    public void Store(string audioPath, string audioSha256, FeatureSpec spec, ReadOnlySpan<float> values)
    {
        if (values.Length != spec.Channels * spec.Rows * spec.Frames)
            throw new ArgumentException($"{values.Length} values do not fill a {spec} grid", nameof(values));
        var payload = MemoryMarshal.AsBytes(values).ToArray();
        var header = new CacheEntryHeader(1, spec.CanonicalString(), spec.SpecHash(), Path.GetFullPath(audioPath),
            audioSha256, [spec.Channels, spec.Rows, spec.Frames],
            Convert.ToHexString(SHA256.HashData(payload)).ToLowerInvariant(), LibraryInfo.Version, Transform);
        var headerBytes = JsonSerializer.SerializeToUtf8Bytes(header);
        AtomicFile.Write(EntryPath(audioPath, spec), raw =>
        {
            var stream = wrapWrites?.Invoke(raw) ?? raw;
            stream.Write(Magic);
            Span<byte> length = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(length, headerBytes.Length);
            stream.Write(length);
            stream.Write(headerBytes);
            stream.Write(payload);
            stream.Flush();
        });
    }

    private static bool TryParse(byte[] bytes, out CacheEntryHeader header, out ReadOnlySpan<byte> payload, out string problem)
    {
        header = null!;
        payload = default;
        problem = "";
        if (bytes.Length < Magic.Length + 4 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            return Fail("not a SerDarts feature cache entry", out problem);
        int headerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(Magic.Length));
        int start = Magic.Length + 4;
        if (headerLength <= 0 || headerLength > bytes.Length - start) return Fail("truncated header", out problem);
        try { header = JsonSerializer.Deserialize<CacheEntryHeader>(bytes.AsSpan(start, headerLength))!; }
        catch (JsonException e) { return Fail($"unreadable header ({e.Message})", out problem); }
        if (header is null || header.Format != 1 || header.Shape is null) return Fail("unknown header format", out problem);
        payload = bytes.AsSpan(start + headerLength);
        long expected = header.Shape.Aggregate(1L, (a, b) => a * b) * sizeof(float);
        if (payload.Length != expected) return Fail($"payload has {payload.Length} bytes, expected {expected}", out problem);
        if (Convert.ToHexString(SHA256.HashData(payload)).ToLowerInvariant() != header.PayloadSha256)
            return Fail("payload checksum mismatch", out problem);
        return true;
    }

    private static bool Fail(string why, out string problem)
    {
        problem = why;
        return false;
    }
}
