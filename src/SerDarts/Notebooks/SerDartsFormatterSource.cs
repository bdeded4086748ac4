namespace SerDarts.Notebooks;

/// <summary>
/// The formatter source SerDarts types name in their <see cref="TypeFormatterSourceAttribute"/>:
/// <c>[TypeFormatterSource(typeof(SerDartsFormatterSource))]</c>. The kernel creates it with its
/// parameterless constructor and registers every formatter it returns.
/// </summary>
public sealed class SerDartsFormatterSource
{
    /// <summary>All of the library's formatters (the kernel keeps those whose Type matches a value).</summary>
    public IEnumerable<INotebookFormatter> CreateTypeFormatters() => NotebookFormatters.Default.All;
}
