using System.Buffers.Binary;
using System.Text;

namespace SerDarts.Runtime;

/// <summary>
/// Marks symbol-version requirements of an ELF64 shared library as weak (VER_FLG_WEAK) so that the
/// dynamic loader accepts a host library that lacks them. Used on a COPY of libLibTorchSharp.so, whose
/// only GLIBCXX_3.4.32 reference is a link-time marker nothing calls (see docs/architecture.md).
/// </summary>
public static class ElfVersionPatcher
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    /// <summary>A version requirement: the library that must provide it, its name and its flags.</summary>
    public sealed record VersionNeed(string File, string Name, ushort Flags, int FlagsOffset);

    /// <summary>Reads every entry of the .gnu.version_r section.</summary>
    public static IReadOnlyList<VersionNeed> ReadVersionNeeds(ReadOnlySpan<byte> elf)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("only little-endian ELF64 is supported");

        ulong shoff = BinaryPrimitives.ReadUInt64LittleEndian(elf[0x28..]);
        int shentsize = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3A..]);
        int shnum = BinaryPrimitives.ReadUInt16LittleEndian(elf[0x3C..]);
        var needs = new List<VersionNeed>();
        for (int i = 0; i < shnum; i++)
        {
            var sh = Slice(elf, shoff + (ulong)(i * shentsize), 64);
            if (BinaryPrimitives.ReadUInt32LittleEndian(sh[4..]) != ShtGnuVerneed) continue;
            ulong offset = BinaryPrimitives.ReadUInt64LittleEndian(sh[0x18..]);
            int link = (int)BinaryPrimitives.ReadUInt32LittleEndian(sh[0x28..]);
            uint count = BinaryPrimitives.ReadUInt32LittleEndian(sh[0x2C..]); // sh_info = number of entries
            var strtab = Slice(elf, shoff + (ulong)(link * shentsize), 64);
            ulong strOffset = BinaryPrimitives.ReadUInt64LittleEndian(strtab[0x18..]);
            ReadEntries(elf, offset, count, strOffset, needs);
        }
        return needs;
    }

    private static void ReadEntries(ReadOnlySpan<byte> elf, ulong offset, uint count, ulong strOffset, List<VersionNeed> needs)
    {
        ulong need = offset;
        for (uint n = 0; n < count; n++)
        {
            var vn = Slice(elf, need, 16);
            int auxCount = BinaryPrimitives.ReadUInt16LittleEndian(vn[2..]);
            string file = ReadString(elf, strOffset + BinaryPrimitives.ReadUInt32LittleEndian(vn[4..]));
            ulong aux = need + BinaryPrimitives.ReadUInt32LittleEndian(vn[8..]);
            for (int a = 0; a < auxCount; a++)
            {
                var vna = Slice(elf, aux, 16);
                ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(vna[4..]);
                string name = ReadString(elf, strOffset + BinaryPrimitives.ReadUInt32LittleEndian(vna[8..]));
                needs.Add(new VersionNeed(file, name, flags, checked((int)aux + 4)));
                aux += BinaryPrimitives.ReadUInt32LittleEndian(vna[12..]);
            }
            uint next = BinaryPrimitives.ReadUInt32LittleEndian(vn[12..]);
            if (next == 0) break;
            need += next;
        }
    }

    /// <summary>Returns a copy of <paramref name="elf"/> with the named requirements marked weak.</summary>
    public static byte[] MarkWeak(ReadOnlySpan<byte> elf, IEnumerable<string> versionNames)
    {
        var wanted = versionNames.ToHashSet(StringComparer.Ordinal);
        var copy = elf.ToArray();
        foreach (var need in ReadVersionNeeds(elf).Where(n => wanted.Contains(n.Name)))
            BinaryPrimitives.WriteUInt16LittleEndian(copy.AsSpan(need.FlagsOffset), (ushort)(need.Flags | VerFlgWeak));
        return copy;
    }

    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> data, ulong offset, int length)
    {
        if (offset + (ulong)length > (ulong)data.Length)
            throw new InvalidDataException($"ELF structure at offset {offset} runs past the end of the file");
        return data.Slice((int)offset, length);
    }

    private static string ReadString(ReadOnlySpan<byte> data, ulong offset)
    {
        if (offset >= (ulong)data.Length)
            throw new InvalidDataException($"ELF string offset {offset} is past the end of the file");
        var rest = data[(int)offset..];
        int end = rest.IndexOf((byte)0);
        if (end < 0) throw new InvalidDataException($"unterminated ELF string at offset {offset}");
        return Encoding.ASCII.GetString(rest[..end]);
    }
}
