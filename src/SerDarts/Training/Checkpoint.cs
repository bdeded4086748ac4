using System.Text;
using SerDarts.Runtime;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SerDarts.Training;

/// <summary>
/// One checkpoint file, written atomically: a JSON header (epoch counters, history) followed by the state
/// of named modules (parameters and buffers) and optimisers (momentum, Adam moments). TorchSharp's own
/// binary format, not a Python pickle.
/// </summary>
public static class Checkpoint
{
    private const string Magic = "SERDARTS-CHECKPOINT";
    private const int Version = 1;

    public static void Save(string path, string headerJson, IReadOnlyList<(string Name, nn.Module Module)> modules,
        IReadOnlyList<(string Name, OptimizerHelper Optimizer)> optimizers)
    {
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(headerJson);
            writer.Write(modules.Count);
            foreach (var (name, module) in modules)
            {
                writer.Write(name);
                module.save(writer);
            }
            writer.Write(optimizers.Count);
            foreach (var (name, optimizer) in optimizers)
            {
                writer.Write(name);
                optimizer.save_state_dict(writer);
            }
            writer.Write(Magic);
            writer.Flush();
        });
    }

    /// <summary>Restores the named modules and optimisers in place and returns the header JSON.</summary>
    public static string Load(string path, IReadOnlyList<(string Name, nn.Module Module)> modules,
        IReadOnlyList<(string Name, OptimizerHelper Optimizer)> optimizers)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"checkpoint {path} does not exist", path);
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new BinaryReader(stream, Encoding.UTF8);
            if (reader.ReadString() != Magic) throw new InvalidDataException("not a SerDarts checkpoint");
            int version = reader.ReadInt32();
            if (version != Version) throw new InvalidDataException($"checkpoint version {version}, expected {Version}");
            string header = reader.ReadString();
            ReadSection(reader, modules, "module", (m, r) => m.load(r, strict: true));
            ReadSection(reader, optimizers, "optimizer", (o, r) => o.load_state_dict(r));
            if (reader.ReadString() != Magic) throw new InvalidDataException("truncated checkpoint");
            return header;
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or ArgumentException or IOException)
        {
            throw new InvalidDataException($"{path}: cannot restore the checkpoint: {e.Message}", e);
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
