using System.Text.Json;
using System.Text.Json.Serialization;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Dashboard.Json;

/// <summary>Writes an additional rule in document form: <c>{ set, when, count|percent|weight|weightPercent, status }</c>.</summary>
internal sealed class AdditionalRuleJsonConverter : JsonConverter<AdditionalRule>
{
    public override AdditionalRule Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Rules are read from topology documents by the topology grain.");

    public override void Write(Utf8JsonWriter writer, AdditionalRule value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("set");
        JsonSerializer.Serialize(writer, value.Set, options);
        writer.WritePropertyName("when");
        JsonSerializer.Serialize(writer, value.Comparison, options);
        writer.WriteNumber(JsonNamingPolicy.CamelCase.ConvertName(value.Measure.ToString()), value.Threshold);
        writer.WritePropertyName("status");
        JsonSerializer.Serialize(writer, value.Status, options);
        writer.WriteEndObject();
    }
}
