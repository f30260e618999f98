using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImpactMesh.Dashboard.Json;

/// <summary>
/// The JSON form of the HTTP API and the SignalR hub: camelCase fields, enumerations in kebab-case
/// (<c>higher-is-worse</c>, <c>critical</c>), absent values left out, NaN as "NaN". Topology documents read back what it writes.
/// </summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;

        // Statistics of a metric without data are NaN, and an error budget of 0 overspent or a burn rate against a 100 %
        // target is infinite; JSON has neither, so they are written as the strings "NaN" and "Infinity".
        options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.Converters.Add(new AdditionalRuleJsonConverter());
        options.Converters.Add(new RelationJsonConverter());
    }

    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }
}
