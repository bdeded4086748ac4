using SerDarts.Features;

namespace SerDarts.Tests.Features;

public class FeatureCacheTests
{
    private static readonly FeatureSpec Spec = FeatureSpec.Small(FeatureKind.Mfcc);

    private static float[] Values(FeatureSpec spec, float start) =>
        Enumerable.Range(0, spec.Channels * spec.Rows * spec.Frames).Select(i => start + i * 0.25f).ToArray();

    [Fact]
    public void Stored_entry_is_read_back_exactly()
    {
        using var corpus = new TestCorpus(("a", "sad", TestCorpus.Tone(220, 8000, 1)));
        var cache = new FeatureCache(Path.Combine(corpus.Folder, "cache"));
        var audio = corpus.Utterances[0].Path;
        var hash = FeatureCache.HashAudio(audio);
        cache.Store(audio, hash, Spec, Values(Spec, 1), validFrames: 7);
        var hit = cache.Lookup(audio, hash, Spec);
        Assert.Equal(CacheStatus.Hit, hit.Status);
        Assert.Equal(Values(Spec, 1), hit.Values);
        Assert.Equal(7, hit.ValidFrames);
    }

    [Fact]
    public void Changed_spec_is_a_miss_even_for_an_entry_at_the_same_place()
    {
        using var corpus = new TestCorpus(("a", "sad", TestCorpus.Tone(220, 8000, 1)));
        var cache = new FeatureCache(Path.Combine(corpus.Folder, "cache"));
        var audio = corpus.Utterances[0].Path;
        var hash = FeatureCache.HashAudio(audio);
        cache.Store(audio, hash, Spec, Values(Spec, 1), validFrames: 7);
        var other = Spec with { Preset = Spec.Preset with { TopDb = 60.0 } };
        Assert.Equal(CacheStatus.Missing, cache.Lookup(audio, hash, other).Status);
        // Even an entry found where the new spec looks (a hash collision, a copied folder) is checked against its header.
        Directory.CreateDirectory(Path.GetDirectoryName(cache.EntryPath(audio, other))!);
        File.Copy(cache.EntryPath(audio, Spec), cache.EntryPath(audio, other));
        var lookup = cache.Lookup(audio, hash, other);
        Assert.Equal(CacheStatus.Stale, lookup.Status);
        Assert.Contains("spec", lookup.Reason);
    }

    [Fact]
    public void Changed_audio_invalidates_the_entry()
    {
        using var corpus = new TestCorpus(("a", "sad", TestCorpus.Tone(220, 8000, 1)));
        var cache = new FeatureCache(Path.Combine(corpus.Folder, "cache"));
        var audio = corpus.Utterances[0].Path;
        cache.Store(audio, FeatureCache.HashAudio(audio), Spec, Values(Spec, 1), validFrames: 7);
        TestCorpus.WriteWav(audio, TestCorpus.Tone(330, 8000, 2)); // same path, new content
        var lookup = cache.Lookup(audio, FeatureCache.HashAudio(audio), Spec);
        Assert.Equal(CacheStatus.Stale, lookup.Status);
        Assert.Contains("audio", lookup.Reason);
    }

    [Fact]
    public void A_crash_mid_write_leaves_the_previous_entry_and_a_torn_file_is_never_trusted()
    {
        using var corpus = new TestCorpus(("a", "sad", TestCorpus.Tone(220, 8000, 1)));
        var folder = Path.Combine(corpus.Folder, "cache");
        var audio = corpus.Utterances[0].Path;
        var hash = FeatureCache.HashAudio(audio);
        new FeatureCache(folder).Store(audio, hash, Spec, Values(Spec, 1), validFrames: 7);

        var crashing = new FeatureCache(folder, raw => new CrashAfter(raw, 1000));
        Assert.Throws<IOException>(() => crashing.Store(audio, hash, Spec, Values(Spec, 2), validFrames: 7));
        var lookup = new FeatureCache(folder).Lookup(audio, hash, Spec);
        Assert.Equal(CacheStatus.Hit, lookup.Status);
        Assert.Equal(Values(Spec, 1), lookup.Values);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(crashing.EntryPath(audio, Spec))!));

        // What a non-atomic writer killed halfway would leave: the first half of a valid entry.
        var path = crashing.EntryPath(audio, Spec);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        Assert.Equal(CacheStatus.Corrupt, new FeatureCache(folder).Lookup(audio, hash, Spec).Status);
        bytes[^3] ^= 0x40; // full length, one flipped payload byte
        File.WriteAllBytes(path, bytes);
        Assert.Equal(CacheStatus.Corrupt, new FeatureCache(folder).Lookup(audio, hash, Spec).Status);
    }

    [Fact]
    public void Concurrent_fillers_of_one_entry_leave_a_whole_entry()
    {
        using var corpus = new TestCorpus(("a", "sad", TestCorpus.Tone(220, 8000, 1)));
        var folder = Path.Combine(corpus.Folder, "cache");
        var audio = corpus.Utterances[0].Path;
        var hash = FeatureCache.HashAudio(audio);
        var written = Enumerable.Range(0, 8).Select(i => Values(Spec, i)).ToArray();
        var seen = new System.Collections.Concurrent.ConcurrentBag<CacheLookup>();
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var cache = new FeatureCache(folder); // separate instances, as separate processes would have
            if (i % 2 == 0) cache.Store(audio, hash, Spec, written[i % 8], validFrames: 7);
            else seen.Add(cache.Lookup(audio, hash, Spec));
        });
        Assert.All(seen, s => Assert.True(s.Status is CacheStatus.Hit or CacheStatus.Missing, s.Reason));
        Assert.All(seen.Where(s => s.Status == CacheStatus.Hit), s => Assert.Contains(written, w => w.SequenceEqual(s.Values!)));
        var final = new FeatureCache(folder).Lookup(audio, hash, Spec);
        Assert.Equal(CacheStatus.Hit, final.Status);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(new FeatureCache(folder).EntryPath(audio, Spec))!));
    }

    /// <summary>Throws (like a killed process) once <paramref name="limit"/> bytes have been written.</summary>
    private sealed class CrashAfter(Stream inner, int limit) : Stream
    {
        private int written;

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            int room = Math.Max(0, limit - written);
            inner.Write(buffer[..Math.Min(room, buffer.Length)]);
            written += buffer.Length;
            if (written > limit) throw new IOException("simulated crash mid-write");
        }

        public override void Flush() => inner.Flush();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
