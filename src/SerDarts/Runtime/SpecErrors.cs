namespace SerDarts.Runtime;

/// <summary>Turns a list of validation problems into one exception that names them all.</summary>
public static class SpecErrors
{
    public static void ThrowIfAny(IEnumerable<string> errors, string what)
    {
        var list = errors.ToList();
        if (list.Count > 0) throw new ArgumentException($"invalid {what}: {string.Join("; ", list)}");
    }
}
