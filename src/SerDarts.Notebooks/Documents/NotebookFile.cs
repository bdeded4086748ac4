using System.Security.Cryptography;
using System.Text;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace SerDarts.NotebookHost.Documents;

/// <summary>
/// Reads and writes .ipynb files through Microsoft.DotNet.Interactive.Documents, the library Polyglot Notebooks
/// itself uses, with the C# kernel as the default; plus the few cell facts the runner and the checks need.
/// </summary>
public static class NotebookFile
{
    public const string KernelName = "csharp";
    public const string MarkdownKernel = "markdown";

    /// <summary>The kernels a SerDarts notebook names: C#, the default.</summary>
    public static KernelInfoCollection Kernels() =>
        new KernelInfoCollection { new KernelInfo(KernelName, languageName: "C#") }.WithDefault();

    public static InteractiveDocument Load(string path)
    {
        try { return Notebook.Parse(File.ReadAllText(path), Kernels()); }
        catch (System.Text.Json.JsonException e) { throw new InvalidDataException($"{path} is not a valid notebook: {e.Message}", e); }
    }

    /// <summary>Writes nbformat 4.5 as Polyglot Notebooks does (one-space indent, the document's own metadata).</summary>
    public static void Save(InteractiveDocument document, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, document.ToJupyterJson() + "\n", new UTF8Encoding(false));
    }

    /// <summary>Notebook metadata exactly as Polyglot Notebooks writes it for a C# notebook (docs/arch/notebooks.md).</summary>
    public static void SetPolyglotMetadata(InteractiveDocument document)
    {
        document.Metadata["kernelspec"] = new Dictionary<string, object>
        {
            ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp",
        };
        document.Metadata["language_info"] = new Dictionary<string, object> { ["name"] = "polyglot-notebook" };
        document.Metadata["polyglot_notebook"] = new Dictionary<string, object>
        {
            ["kernelInfo"] = new Dictionary<string, object>
            {
                ["defaultKernelName"] = KernelName,
                ["items"] = new object[] { new Dictionary<string, object> { ["aliases"] = Array.Empty<object>(), ["name"] = KernelName } },
            },
        };
    }

    public static bool IsCode(this InteractiveDocumentElement cell) => cell.KernelName != MarkdownKernel;

    /// <summary>The cell's Jupyter tags (metadata.tags).</summary>
    public static IReadOnlyList<string> Tags(this InteractiveDocumentElement cell) =>
        cell.Metadata?.TryGetValue("tags", out var tags) == true && tags is IEnumerable<object> list
            ? list.OfType<string>().ToList()
            : [];

    public static bool HasTag(this InteractiveDocumentElement cell, string tag) => cell.Tags().Contains(tag);

    /// <summary>The first non-blank line of the cell's source, for progress and error messages.</summary>
    public static string FirstLine(this InteractiveDocumentElement cell) =>
        cell.Contents.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";

    /// <summary>A new cell; code cells run in the C# kernel, markdown cells keep empty metadata.</summary>
    public static InteractiveDocumentElement Cell(string id, string kernel, string source, IReadOnlyList<string> tags)
    {
        var cell = new InteractiveDocumentElement(source, kernel) { Id = id, Metadata = new Dictionary<string, object>() };
        if (tags.Count > 0) cell.Metadata["tags"] = tags.ToList<object>();
        if (kernel != MarkdownKernel)
        {
            cell.Metadata["dotnet_interactive"] = new Dictionary<string, object> { ["language"] = kernel };
            cell.Metadata["polyglot_notebook"] = new Dictionary<string, object> { ["kernelName"] = kernel };
        }
        return cell;
    }

    /// <summary>An id from the cell's position and source: regenerated notebooks keep their ids and diff cleanly.</summary>
    public static string StableId(int index, string source) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{index}\n{source}")))[..12].ToLowerInvariant();

    private static KernelInfoCollection WithDefault(this KernelInfoCollection kernels)
    {
        kernels.DefaultKernelName = KernelName;
        return kernels;
    }
}
