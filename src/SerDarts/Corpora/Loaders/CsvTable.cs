using System.Text;

namespace SerDarts.Corpora;

/// <summary>A minimal RFC 4180 reader: comma-separated, double-quoted fields may hold commas, quotes ("") and newlines.</summary>
internal static class CsvTable
{
    /// <summary>Records with the line number each starts on; blank lines are skipped.</summary>
    public static IEnumerable<(int Line, IReadOnlyList<string> Fields)> Read(TextReader reader)
    {
        int line = 1;
        while (reader.Peek() >= 0)
        {
            int start = line;
            var fields = ReadRecord(reader, ref line);
            if (fields.Count > 1 || fields[0].Length > 0)
                yield return (start, fields);
        }
    }

    private static List<string> ReadRecord(TextReader reader, ref int line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        while (true)
        {
            int c = reader.Read();
            if (c < 0 || (!quoted && c == '\n'))
            {
                if (c == '\n')
                    line++;
                fields.Add(field.ToString().TrimEnd('\r'));
                return fields;
            }
            if (quoted && c == '"' && reader.Peek() == '"')
                field.Append((char)reader.Read());
            else if (c == '"' && (quoted || field.Length == 0))
                quoted = !quoted;
            else if (!quoted && c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                if (c == '\n')
                    line++;
                field.Append((char)c);
            }
        }
    }
}
