using System.Text.Json.Nodes;

namespace SerDarts.Experiments.Specs;

/// <summary>RFC 7396 JSON merge patch: objects merge key by key, a null removes a key, anything else replaces.</summary>
public static class JsonMergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject) return patch?.DeepClone();
        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : new JsonObject();
        foreach (var (key, value) in patchObject)
        {
            if (value is null) result.Remove(key);
            else result[key] = Apply(result[key], value);
        }
        return result;
    }

    /// <summary>Builds the patch that sets one dotted path ("training.lstmLayers") to a value.</summary>
    public static JsonObject ForPath(string dottedPath, JsonNode? value)
    {
        var names = dottedPath.Split('.');
        if (names.Any(string.IsNullOrWhiteSpace))
            throw new FormatException($"'{dottedPath}' is not a dotted property path such as 'training.lstmLayers'");
        JsonNode? node = value?.DeepClone();
        for (var i = names.Length - 1; i >= 0; i--) node = new JsonObject { [names[i]] = node };
        return (JsonObject)node!;
    }
}
