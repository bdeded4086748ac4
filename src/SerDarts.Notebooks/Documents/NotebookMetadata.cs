using System.Text.Json.Nodes;

namespace SerDarts.Notebooks.Documents;

/// <summary>The metadata Polyglot Notebooks (VS Code) writes and reads for C# notebooks.</summary>
public static class NotebookMetadata
{
    public const string KernelName = "csharp";

    /// <summary>Notebook-level metadata: kernelspec, language_info, polyglot_notebook kernel info.</summary>
    public static JsonObject Notebook() => new()
    {
        ["kernelspec"] = new JsonObject
        {
            ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp",
        },
        ["language_info"] = new JsonObject { ["name"] = "polyglot-notebook" },
        ["polyglot_notebook"] = new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = KernelName,
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = KernelName }),
            },
        },
    };

    /// <summary>Code-cell metadata that makes VS Code run the cell with the C# kernel.</summary>
    public static JsonObject CodeCell() => new()
    {
        ["dotnet_interactive"] = new JsonObject { ["language"] = KernelName },
        ["polyglot_notebook"] = new JsonObject { ["kernelName"] = KernelName },
    };
}
