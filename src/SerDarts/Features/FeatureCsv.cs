using System.Globalization;
using System.IO.Compression;
using System.Text;
using SerDarts.Runtime;

namespace SerDarts.Features;

/// <summary>The fixtures' matrix layout: one line per row (bin, band or coefficient), comma-separated frames.</summary>
public static class FeatureCsv
{
    /// <summary>Writes the matrix atomically, values in round-trip float32 precision (invariant culture).</summary>
    public static void Write(string path, double[,] matrix)
    {
        var text = new StringBuilder();
        int rows = matrix.GetLength(0), cols = matrix.GetLength(1);
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                if (c > 0) text.Append(',');
                text.Append(((float)matrix[r, c]).ToString("R", CultureInfo.InvariantCulture));
            }
            text.Append('\n');
        }
        AtomicFile.WriteAllText(path, text.ToString());
    }

    /// <summary>Reads a matrix; a path ending in .gz is read through gzip (compact reference files).</summary>
    public static double[,] Read(string path)
    {
        var lines = ReadLines(path).Where(l => l.Length > 0).ToArray();
        if (lines.Length == 0) throw new InvalidDataException($"{path}: empty matrix");
        var rows = lines.Select((line, i) => ParseRow(line, path, i + 1)).ToArray();
        int cols = rows[0].Length;
        var matrix = new double[rows.Length, cols];
        for (int r = 0; r < rows.Length; r++)
        {
            if (rows[r].Length != cols)
                throw new InvalidDataException($"{path}: line {r + 1} has {rows[r].Length} values, line 1 has {cols}");
            for (int c = 0; c < cols; c++) matrix[r, c] = rows[r][c];
        }
        return matrix;
    }

    private static string[] ReadLines(string path)
    {
        if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) return File.ReadAllLines(path);
        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        return reader.ReadToEnd().Split('\n');
    }

    private static double[] ParseRow(string line, string path, int lineNumber) =>
        line.Split(',').Select(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            ? x
            : throw new InvalidDataException($"{path}: line {lineNumber}: '{v}' is not a number")).ToArray();
}
