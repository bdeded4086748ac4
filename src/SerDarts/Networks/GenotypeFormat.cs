using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SerDarts.Networks;

/// <summary>
/// Genotype storage: JSON (parsed into records and validated, never evaluated as code) and a readable
/// one-line string in the DARTS notation researchers know.
/// </summary>
public static class GenotypeFormat
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, // a misspelt key must not pass silently
    };

    public static string ToJson(Genotype genotype) => JsonSerializer.Serialize(genotype, Options) + "\n";

    /// <summary>Parses and validates; <paramref name="source"/> names the origin (a file path) in errors.</summary>
    public static Genotype FromJson(string json, string source = "genotype JSON")
    {
        Genotype? genotype;
        try { genotype = JsonSerializer.Deserialize<Genotype>(json, Options); }
        catch (JsonException e) { throw new InvalidDataException($"{source}: not a genotype JSON document: {e.Message}", e); }
        if (genotype?.Normal is null || genotype.Reduce is null || genotype.NormalConcat is null || genotype.ReduceConcat is null)
            throw new InvalidDataException($"{source}: a genotype needs 'normal', 'normalConcat', 'reduce' and 'reduceConcat'");
        Validate(genotype, source);
        return genotype;
    }

    public static Genotype Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"genotype file '{path}' does not exist", path);
        return FromJson(File.ReadAllText(path), path);
    }

    /// <summary>Checks operation names and that every edge reads an earlier state.</summary>
    public static void Validate(Genotype genotype, string source)
    {
        ValidateCell(genotype.Normal, genotype.NormalConcat, $"{source} (normal cell)");
        ValidateCell(genotype.Reduce, genotype.ReduceConcat, $"{source} (reduction cell)");
    }

    private static void ValidateCell(IReadOnlyList<IReadOnlyList<GenotypeEdge>> cell, IReadOnlyList<int> concat, string where)
    {
        if (cell.Count == 0) throw new InvalidDataException($"{where}: no nodes");
        for (int node = 0; node < cell.Count; node++)
        {
            if (cell[node] is null || cell[node].Count == 0) throw new InvalidDataException($"{where}: node {node} has no edges");
            foreach (var edge in cell[node])
            {
                if (edge?.Operation is null || !Operations.Known.Contains(edge.Operation) || edge.Operation == Operations.None)
                    throw new InvalidDataException($"{where}: node {node} has an unknown or 'none' operation '{edge?.Operation}'");
                if (edge.Input < 0 || edge.Input >= node + 2)
                    throw new InvalidDataException($"{where}: node {node} reads state {edge.Input}, which is not an earlier state");
            }
        }
        if (concat.Count == 0 || concat.Any(i => i < 0 || i >= cell.Count + 2))
            throw new InvalidDataException($"{where}: concat indices must name states 0..{cell.Count + 1}");
    }

    /// <summary>One line, e.g. <c>Genotype(normal=[[('sep_conv_3x3', 0), ...]], normal_concat=range(2, 6), ...)</c>.</summary>
    public static string ToReadableString(Genotype g)
    {
        var text = new StringBuilder("Genotype(normal=");
        AppendCell(text, g.Normal);
        text.Append(", normal_concat=").Append(Concat(g.NormalConcat)).Append(", reduce=");
        AppendCell(text, g.Reduce);
        text.Append(", reduce_concat=").Append(Concat(g.ReduceConcat)).Append(')');
        return text.ToString();
    }

    private static void AppendCell(StringBuilder text, IReadOnlyList<IReadOnlyList<GenotypeEdge>> cell) =>
        text.Append('[').AppendJoin(", ", cell.Select(node =>
            "[" + string.Join(", ", node.Select(e => $"('{e.Operation}', {e.Input.ToString(CultureInfo.InvariantCulture)})")) + "]"))
            .Append(']');

    private static string Concat(IReadOnlyList<int> concat)
    {
        bool contiguous = concat.Count > 0 && concat.Select((v, i) => v - i).Distinct().Count() == 1;
        return contiguous
            ? $"range({concat[0]}, {concat[^1] + 1})"
            : "[" + string.Join(", ", concat) + "]";
    }
}
