using System.Text.Json;
using System.Text.Json.Serialization;

namespace SerDarts.Corpora;

/// <summary>Reads a split as "loso" or {"protocol", "validation"} and writes the string form while the validation is
/// the partner, so specs (and their hashes) written before split.validation existed stay the same.</summary>
internal sealed class SplitSpecJsonConverter : JsonConverter<SplitSpec>
{
    public override SplitSpec Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String) return new SplitSpec(reader.GetString()!);
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("split must be a protocol name (\"loso\") or {\"protocol\": ..., \"validation\": ...}");
        string protocol = "loso", validation = SplitSpec.Partner;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string name = reader.GetString()!;
            reader.Read();
            string value = reader.TokenType == JsonTokenType.String
                ? reader.GetString()!
                : throw new JsonException($"split.{name} must be a string");
            switch (name)
            {
                case "protocol": protocol = value; break;
                case "validation": validation = value; break;
                default: throw new JsonException($"split: unknown field '{name}' (protocol, validation)");
            }
        }
        return new SplitSpec(protocol, validation);
    }

    public override void Write(Utf8JsonWriter writer, SplitSpec value, JsonSerializerOptions options)
    {
        if (value.Validation == SplitSpec.Partner)
        {
            writer.WriteStringValue(value.Protocol);
            return;
        }
        writer.WriteStartObject();
        writer.WriteString("protocol", value.Protocol);
        writer.WriteString("validation", value.Validation);
        writer.WriteEndObject();
    }
}
