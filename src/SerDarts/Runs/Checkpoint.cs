using System.Text;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using SerDarts.Runtime;

namespace SerDarts.Runs;

/// <summary>
/// Checkpoint files: a JSON header (epoch counters, history) followed by the state of named modules
/// (parameters and buffers) and optimisers (momentum, Adam moments), in TorchSharp's own binary format (not a
/// Python pickle), sealed with a SHA-256 checksum (<see cref="CheckpointFormat"/>). A save keeps the file it
/// replaces as the previous checkpoint, so a damaged newest one costs one epoch, not the run.
/// </summary>
public static class Checkpoint
{
    /// <summary>
    /// Writes a new checkpoint at <paramref name="path"/> atomically, then rotates: the file it replaces becomes
    /// <see cref="PreviousPath"/>. A crash at any point leaves at least one complete checkpoint among the two.
    /// </summary>
    public static void Save(string path, string headerJson, IReadOnlyList<(string Name, nn.Module Module)> modules,
        IReadOnlyList<(string Name, OptimizerHelper Optimizer)> optimizers)
    {
        var full = Path.GetFullPath(path);
        var staged = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.staged");
        AtomicFile.Write(staged, stream => CheckpointFormat.Write(stream, writer =>
        {
            writer.Write(headerJson);
            WriteSection(writer, modules, (module, w) => module.save(w));
            WriteSection(writer, optimizers, (optimizer, w) => optimizer.save_state_dict(w));
        }));
        if (File.Exists(full)) File.Move(full, PreviousPath(full), overwrite: true);
        File.Move(staged, full, overwrite: true);
    }

    /// <summary>
    /// Restores exactly <paramref name="path"/> into the named modules and optimisers and returns its header.
    /// A damaged file (see <see cref="Verify"/>) fails with an InvalidDataException naming it before any tensor is read.
    /// </summary>
    public static string Load(string path, IReadOnlyList<(string Name, nn.Module Module)> modules,
        IReadOnlyList<(string Name, OptimizerHelper Optimizer)> optimizers)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"checkpoint {path} does not exist", path);
        var (header, problem) = TryLoad(path, modules, optimizers);
        return header ?? throw new InvalidDataException(problem!.ToString());
    }

    /// <summary>
    /// Restores the newest usable checkpoint among <paramref name="path"/> and its previous one. Damaged files
    /// are passed over (and listed) without touching the modules; when none is usable nothing is loaded, so
    /// the caller starts from scratch with its freshly initialised modules. A verified file that does not fit
    /// the modules (another architecture) is not damage: it fails with an InvalidDataException.
    /// </summary>
    public static CheckpointRestore Restore(string path, IReadOnlyList<(string Name, nn.Module Module)> modules,
        IReadOnlyList<(string Name, OptimizerHelper Optimizer)> optimizers)
    {
        var rejected = new List<CheckpointProblem>();
        var candidates = Candidates(path);
        foreach (var candidate in candidates)
        {
            if (!File.Exists(candidate))
            {
                if (candidates.Any(File.Exists))
                    rejected.Add(new CheckpointProblem(candidate, "missing (a save was interrupted)"));
                continue;
            }
            var (header, problem) = TryLoad(candidate, modules, optimizers);
            if (header is not null) return new CheckpointRestore(candidate, header, rejected);
            rejected.Add(problem!);
        }
        return new CheckpointRestore(null, null, rejected);
    }

    /// <summary>Checks a checkpoint's prefix, length and checksum without reading any tensor; null when it is sound.</summary>
    public static CheckpointProblem? Verify(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return CheckpointFormat.Verify(stream, out _) is { } problem ? new CheckpointProblem(path, problem) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new CheckpointProblem(path, $"cannot be read: {e.Message}");
        }
    }

    /// <summary>The checkpoint that <see cref="Save"/> keeps when it replaces <paramref name="path"/>: "last.ckpt" -> "last.previous.ckpt".</summary>
    public static string PreviousPath(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!,
            $"{Path.GetFileNameWithoutExtension(path)}.previous{Path.GetExtension(path)}");

    /// <summary>True when <paramref name="path"/> or its previous checkpoint exists.</summary>
    public static bool Exists(string path) => Candidates(path).Any(File.Exists);

    /// <summary>
    /// Moves <paramref name="path"/> and its previous checkpoint aside ("last.ckpt.damaged", kept for a look),
    /// so that the next save does not rotate a damaged file into the previous slot. Returns the new names.
    /// </summary>
    public static IReadOnlyList<string> Discard(string path)
    {
        var moved = new List<string>();
        foreach (var candidate in Candidates(path).Where(File.Exists))
        {
            File.Move(candidate, candidate + ".damaged", overwrite: true);
            moved.Add(candidate + ".damaged");
        }
        return moved;
    }

    private static string[] Candidates(string path) => [Path.GetFullPath(path), PreviousPath(path)];

    /// <summary>The header, or the problem: verification first, then the states.</summary>
    private static (string? Header, CheckpointProblem? Problem) TryLoad(string path,
        IReadOnlyList<(string Name, nn.Module Module)> modules, IReadOnlyList<(string Name, OptimizerHelper Optimizer)> optimizers)
    {
        FileStream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, new CheckpointProblem(path, $"cannot be read: {e.Message}"));
        }
        using (stream)
        {
            if (CheckpointFormat.Verify(stream, out long payloadEnd) is { } problem)
                return (null, new CheckpointProblem(path, problem));
            try
            {
                using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
                string header = reader.ReadString();
                ReadSection(reader, modules, "module", (m, r) => m.load(r, strict: true));
                ReadSection(reader, optimizers, "optimizer", (o, r) => o.load_state_dict(r));
                if (stream.Position != payloadEnd)
                    throw new InvalidDataException($"{payloadEnd - stream.Position} bytes of state were left unread");
                return (header, null);
            }
            catch (Exception e) when (e is EndOfStreamException or InvalidDataException or ArgumentException or IOException
                                          or FormatException or InvalidOperationException)
            {
                throw new InvalidDataException(
                    $"{path}: the checksum is sound but the checkpoint does not fit this model ({e.Message}); " +
                    $"was the run's config.json changed? Delete {Path.GetDirectoryName(path)} to start the run over", e);
            }
        }
    }

    private static void WriteSection<T>(BinaryWriter writer, IReadOnlyList<(string Name, T Item)> items, Action<T, BinaryWriter> save)
    {
        writer.Write(items.Count);
        foreach (var (name, item) in items)
        {
            writer.Write(name);
            save(item, writer);
        }
    }

    private static void ReadSection<T>(BinaryReader reader, IReadOnlyList<(string Name, T Item)> expected, string kind,
        Action<T, BinaryReader> load)
    {
        int count = reader.ReadInt32();
        if (count != expected.Count) throw new InvalidDataException($"{count} {kind}s stored, {expected.Count} expected");
        foreach (var (name, item) in expected)
        {
            string stored = reader.ReadString();
            if (stored != name) throw new InvalidDataException($"{kind} '{stored}' stored where '{name}' was expected");
            load(item, reader);
        }
    }
}
