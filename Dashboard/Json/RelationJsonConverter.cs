using System.Text.Json;
using System.Text.Json.Serialization;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Dashboard.Json;

/// <summary>Writes a relation as its plain id when all its settings are defaults, else as an object with the settings that differ.</summary>
internal sealed class RelationJsonConverter : JsonConverter<Relation>
{
    public override Relation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Relations are read from topology documents by the topology grain.");

    public override void Write(Utf8JsonWriter writer, Relation value, JsonSerializerOptions options)
    {
        if (value.IsPlain)
        {
            writer.WriteStringValue(value.Id);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("id", value.Id);
        if (value.Impact != RelationImpact.Hard)
        {
            writer.WritePropertyName("impact");
            JsonSerializer.Serialize(writer, value.Impact, options);
        }

        if (value.Shift != 0) writer.WriteNumber("shift", value.Shift);
        if (value.Weight != 1) writer.WriteNumber("weight", value.Weight);
        if (value.Ignore) writer.WriteBoolean("ignore", true);
        writer.WriteEndObject();
    }
}
