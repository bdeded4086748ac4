using System.Buffers.Binary;

namespace SerDarts.Audio;

/// <summary>
/// Minimal RIFF/WAVE reader (PCM 16-bit and IEEE float 32-bit, channels mixed to mono).
/// Placeholder for the corpora issue, which replaces it with the full, hardened reader.
/// </summary>
public static class WavReader
{
    public static AudioClip Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 12 || BinaryPrimitives.ReadUInt32BigEndian(bytes) != 0x52494646) // "RIFF"
            throw new InvalidDataException($"{path}: not a RIFF file");
        int pos = 12, format = 0, channels = 0, rate = 0, bits = 0;
        while (pos + 8 <= bytes.Length)
        {
            var id = System.Text.Encoding.ASCII.GetString(bytes, pos, 4);
            int size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(pos + 4));
            var body = bytes.AsSpan(pos + 8, Math.Min(size, bytes.Length - pos - 8));
            if (id == "fmt ")
            {
                format = BinaryPrimitives.ReadUInt16LittleEndian(body);
                channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
                rate = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
                bits = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);
            }
            else if (id == "data")
                return new AudioClip(Decode(body, format, channels, bits, path), rate);
            pos += 8 + size + (size & 1);
        }
        throw new InvalidDataException($"{path}: no data chunk");
    }

    private static float[] Decode(ReadOnlySpan<byte> data, int format, int channels, int bits, string path)
    {
        int frameBytes = channels * bits / 8;
        var mono = new float[data.Length / frameBytes];
        for (int i = 0; i < mono.Length; i++)
        {
            double sum = 0;
            for (int c = 0; c < channels; c++)
            {
                var s = data[(i * frameBytes + c * bits / 8)..];
                sum += (format, bits) switch
                {
                    (1, 16) => BinaryPrimitives.ReadInt16LittleEndian(s) / 32768.0,
                    (3, 32) => BinaryPrimitives.ReadSingleLittleEndian(s),
                    _ => throw new NotSupportedException($"{path}: format {format} with {bits} bits is not supported"),
                };
            }
            mono[i] = (float)(sum / channels);
        }
        return mono;
    }
}
