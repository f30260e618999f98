using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using ImpactMesh.Grains.Documents;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Topology;

/// <summary>
/// Reads topology documents (a whole graph with top-level <c>components</c>, or a single component) in JSON or YAML,
/// reporting every problem by path. Graph-level checks (duplicate ids, unknown relations, cycles) are
/// <see cref="TopologyValidator"/>'s.
/// <para>Equal values within one document are one instance (an <see cref="InstancePool"/> per read): a relation's id is
/// the very string of the component it names, and kinds, tags, metric names and settings, and equal relations are
/// shared across components, as they would otherwise be copied for as long as the graph lives.</para>
/// </summary>
internal static partial class TopologyDocumentReader
{
    private static readonly string[] ComponentFields = ["id", "name", "kind", "tags", "dependsOn", "rule", "metrics"];
    private static readonly string[] RelationFields = ["id", "impact", "shift", "weight", "ignore"];
    private static readonly string[] RuleFields = ["main", "atLeast", "additional"];
    private static readonly string[] AdditionalRuleFields = ["set", "when", "count", "percent", "weight", "weightPercent", "status"];
    private static readonly string[] MeasureFields = ["count", "percent", "weight", "weightPercent"];
    private static readonly string[] MetricFields =
        ["direction", "warning", "critical", "sensitivity", "window", "warmUp", "raiseAfter", "clearAfter", "staleAfter", "rearm", "unit"];

    // A builder makes a new empty map every time (with the ordinal comparer): components without tags or metrics share these.
    private static readonly ImmutableSortedDictionary<string, string> NoTags = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);
    private static readonly ImmutableSortedDictionary<string, MetricSettings> NoMetrics = ImmutableSortedDictionary.Create<string, MetricSettings>(StringComparer.Ordinal);

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^[A-Za-z0-9._:/-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex MetricNamePattern();

    private static bool IsValidId(string? id) => ComponentId.IsValid(id);

    /// <summary>
    /// Reads a whole graph; null when the document itself is unusable. <paramref name="declaredIds"/> receives every valid id
    /// the document declares, even of components with other problems, so relations to them are not reported as unknown.
    /// </summary>
    public static List<(int Index, ComponentDefinition Component)>? ReadGraph(string text, DocumentFormat format, DocumentProblems problems, ISet<string> declaredIds)
    {
        using var document = DocumentParser.Parse(text, format, problems);
        if (document is null) return null;
        var root = ObjectReader.Open(document.RootElement, "", problems, "components");
        if (root is null) return null;
        if (!root.TryGet("components", out var list))
        {
            root.Problem("components", "is required");
            return null;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            root.Problem("components", $"must be a list, not {ObjectReader.Describe(list)}");
            return null;
        }

        var components = new List<(int Index, ComponentDefinition Component)>(list.GetArrayLength());
        var pool = new InstancePool();
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && IsValidId(id.GetString()))
            {
                declaredIds.Add(id.GetString()!);
            }

            var component = ReadComponent(item, $"components[{index}]", problems, pool);
            if (component is not null) components.Add((index, component));
            index++;
        }

        return components;
    }

    /// <summary>Reads a single component document; its id defaults to <paramref name="id"/> and must match it.</summary>
    public static ComponentDefinition? ReadComponent(string text, DocumentFormat format, string id, DocumentProblems problems)
    {
        using var document = DocumentParser.Parse(text, format, problems);
        if (document is null) return null;
        return ReadComponent(document.RootElement, "", problems, new InstancePool(), id);
    }

    private static ComponentDefinition? ReadComponent(JsonElement element, string path, DocumentProblems problems, InstancePool pool, string? routeId = null)
    {
        var reader = ObjectReader.Open(element, path, problems, ComponentFields);
        if (reader is null) return null;
        var before = problems.Count;

        var id = reader.String("id", required: routeId is null) ?? routeId;
        if (id is not null && !IsValidId(id))
        {
            reader.Problem("id", $"'{Shorten(id)}' is not a valid id ({ComponentId.Rule})");
        }
        else if (routeId is not null && id != routeId)
        {
            reader.Problem("id", $"'{id}' does not match the id '{routeId}' in the URL");
        }

        var name = reader.String("name");
        if (name is not null && name.Length > 256) reader.Problem("name", "must be at most 256 characters");

        var kind = reader.String("kind", required: true);
        if (kind is not null && !WordPattern().IsMatch(kind))
        {
            reader.Problem("kind", $"'{Shorten(kind)}' is not a word (a letter, then up to 63 letters, digits, - or _)");
        }

        var tags = ReadTags(reader, pool);
        var dependsOn = ReadRelations(reader, problems, pool);
        var rule = reader.TryGet("rule", out var ruleElement) ? ReadRule(ruleElement, reader.FieldPath("rule"), problems) : null;
        var metrics = ReadMetrics(reader, problems, pool);

        if (problems.Count > before || id is null || kind is null) return null;
        return new ComponentDefinition(pool.Get(id), name, pool.Get(kind.ToLowerInvariant()), tags, dependsOn, rule, metrics);
    }

    private static ImmutableSortedDictionary<string, string> ReadTags(ObjectReader reader, InstancePool pool)
    {
        if (!reader.TryGet("tags", out var element)) return NoTags;
        if (element.ValueKind != JsonValueKind.Object)
        {
            reader.Problem("tags", $"must be a map of names to values, not {ObjectReader.Describe(element)}");
            return NoTags;
        }

        var tags = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var tag in element.EnumerateObject())
        {
            var path = $"tags.{tag.Name}";
            if (tag.Name.Length is 0 or > 128) reader.Problem(path, "tag names must be 1-128 characters");
            else if (tag.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array) reader.Problem(path, "must be a plain value");
            else
            {
                var value = tag.Value.ValueKind == JsonValueKind.String ? tag.Value.GetString()! : tag.Value.GetRawText();
                if (value.Length > 1024) reader.Problem(path, "must be at most 1024 characters");
                else tags[pool.Get(tag.Name)] = pool.Get(value);
            }
        }

        // Components often carry the same tags (a team, a layer): equal text reads to an equal map, so they share one.
        return tags.Count == 0 ? NoTags : pool.Get(new SharedTags(element.GetRawText(), tags.ToImmutable())).Tags;
    }

    private static ImmutableArray<Relation> ReadRelations(ObjectReader reader, DocumentProblems problems, InstancePool pool)
    {
        if (!reader.TryGet("dependsOn", out var element)) return [];
        if (element.ValueKind != JsonValueKind.Array)
        {
            reader.Problem("dependsOn", $"must be a list, not {ObjectReader.Describe(element)}");
            return [];
        }

        var relations = ImmutableArray.CreateBuilder<Relation>(element.GetArrayLength());
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var path = $"{reader.FieldPath("dependsOn")}[{index++}]";
            var relation = ReadRelation(item, path, problems, pool);
            if (relation is not null) relations.Add(relation);
        }

        return relations.ToImmutable();
    }

    private static Relation? ReadRelation(JsonElement element, string path, DocumentProblems problems, InstancePool pool)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            var plain = element.GetString()!;
            if (IsValidId(plain)) return pool.Get(new Relation(pool.Get(plain)));
            problems.Add(path, $"'{Shorten(plain)}' is not a valid id");
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(path, $"must be an id or an object {{ id, impact, shift, weight, ignore }}, not {ObjectReader.Describe(element)}");
            return null;
        }

        var reader = ObjectReader.Open(element, path, problems, RelationFields)!;
        var before = problems.Count;
        var id = reader.String("id", required: true);
        if (id is not null && !IsValidId(id)) reader.Problem("id", $"'{Shorten(id)}' is not a valid id");
        var impact = reader.Enum<RelationImpact>("impact") ?? RelationImpact.Hard;
        var shift = reader.Integer("shift", Relation.MinShift, Relation.MaxShift) ?? 0;
        var weight = reader.Integer("weight", 0, Relation.MaxWeight) ?? 1;
        var ignore = reader.Boolean("ignore") ?? false;
        return problems.Count > before || id is null ? null : pool.Get(new Relation(pool.Get(id), impact, shift, weight, ignore));
    }

    private static StatusRule? ReadRule(JsonElement element, string path, DocumentProblems problems)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            var text = element.GetString()!;
            if (ObjectReader.TryParseName<RuleKind>(text, out var kind) && kind != RuleKind.AtLeast) return new StatusRule(kind, 0, []);
            problems.Add(path, $"'{text}' is not a rule: write worst, best, none, or an object such as {{ atLeast: 2 }}");
            return null;
        }

        var reader = ObjectReader.Open(element, path, problems, RuleFields);
        if (reader is null) return null;
        var before = problems.Count;
        var main = reader.Enum<RuleKind>("main");
        var atLeast = reader.Integer("atLeast", 1, 100_000);
        if (main is null && atLeast is not null) main = RuleKind.AtLeast;
        if (main == RuleKind.AtLeast && atLeast is null && !reader.Has("atLeast")) reader.Problem("atLeast", "is required by the atLeast rule");
        if (main is not null and not RuleKind.AtLeast && atLeast is not null) reader.Problem("atLeast", $"applies only to the atLeast rule, not to {main.Value.ToString().ToLowerInvariant()}");

        var additional = ImmutableArray.CreateBuilder<AdditionalRule>();
        if (reader.TryGet("additional", out var list))
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                reader.Problem("additional", $"must be a list, not {ObjectReader.Describe(list)}");
            }
            else
            {
                var index = 0;
                foreach (var item in list.EnumerateArray())
                {
                    var rule = ReadAdditionalRule(item, $"{reader.FieldPath("additional")}[{index++}]", problems);
                    if (rule is not null) additional.Add(rule);
                }
            }
        }

        if (problems.Count > before) return null;
        return new StatusRule(main ?? RuleKind.Worst, main == RuleKind.AtLeast ? atLeast ?? 1 : 0, additional.ToImmutable());
    }

    private static AdditionalRule? ReadAdditionalRule(JsonElement element, string path, DocumentProblems problems)
    {
        var reader = ObjectReader.Open(element, path, problems, AdditionalRuleFields);
        if (reader is null) return null;
        var before = problems.Count;
        var set = ReadStatus(reader, "set");
        var status = ReadStatus(reader, "status");
        var when = reader.Enum<ThresholdComparison>("when") ?? ThresholdComparison.AtLeast;

        var given = MeasureFields.Where(reader.Has).ToList();
        if (given.Count != 1)
        {
            problems.Add(path, $"give exactly one of {string.Join(", ", MeasureFields)}");
            return null;
        }

        ObjectReader.TryParseName<ThresholdMeasure>(given[0], out var measure);
        var threshold = measure switch
        {
            ThresholdMeasure.Count => reader.Integer(given[0], 0, 1_000_000),
            ThresholdMeasure.Weight => reader.Number(given[0], 0, double.MaxValue),
            _ => reader.Number(given[0], 0, 100),
        };

        if (problems.Count > before || set is null || status is null || threshold is null) return null;
        return new AdditionalRule(set.Value, when, measure, threshold.Value, status.Value);
    }

    private static HealthStatus? ReadStatus(ObjectReader reader, string field)
    {
        var text = reader.String(field, required: true);
        if (text is null) return null;
        if (HealthStatusExtensions.TryParse(text, out var status) && status.IsKnown()) return status;
        reader.Problem(field, $"'{text}' is not a status (ok, warning, minor, major, critical)");
        return null;
    }

    private static ImmutableSortedDictionary<string, MetricSettings> ReadMetrics(ObjectReader reader, DocumentProblems problems, InstancePool pool)
    {
        if (!reader.TryGet("metrics", out var element)) return NoMetrics;
        if (element.ValueKind != JsonValueKind.Object)
        {
            reader.Problem("metrics", $"must be a map of metric names to settings, not {ObjectReader.Describe(element)}");
            return NoMetrics;
        }

        var metrics = ImmutableSortedDictionary.CreateBuilder<string, MetricSettings>(StringComparer.Ordinal);
        foreach (var metric in element.EnumerateObject())
        {
            var path = $"{reader.FieldPath("metrics")}.{metric.Name}";
            if (!MetricNamePattern().IsMatch(metric.Name))
            {
                problems.Add(path, "metric names are 1-128 characters of A-Z a-z 0-9 . _ : / -");
                continue;
            }

            var settings = metric.Value.ValueKind == JsonValueKind.Null ? MetricSettings.Default : ReadMetricSettings(metric.Value, path, problems);
            if (settings is not null) metrics[pool.Get(metric.Name)] = pool.Get(settings);
        }

        return metrics.Count == 0 ? NoMetrics : metrics.ToImmutable();
    }

    private static MetricSettings? ReadMetricSettings(JsonElement element, string path, DocumentProblems problems)
    {
        var reader = ObjectReader.Open(element, path, problems, MetricFields);
        if (reader is null) return null;
        var before = problems.Count;
        var defaults = MetricSettings.Default;
        var settings = new MetricSettings
        {
            Direction = reader.Enum<MetricDirection>("direction") ?? defaults.Direction,
            Warning = reader.Number("warning", double.MinValue, double.MaxValue),
            Critical = reader.Number("critical", double.MinValue, double.MaxValue),
            Sensitivity = reader.Number("sensitivity", 0.1, 10) ?? defaults.Sensitivity,
            Window = reader.Duration("window", TimeSpan.FromMinutes(1), TimeSpan.FromDays(35)) ?? defaults.Window,
            WarmUp = reader.Duration("warmUp", TimeSpan.Zero, TimeSpan.FromDays(90)) ?? defaults.WarmUp,
            RaiseAfter = reader.Integer("raiseAfter", 1, 1000) ?? defaults.RaiseAfter,
            ClearAfter = reader.Integer("clearAfter", 1, 1000) ?? defaults.ClearAfter,
            StaleAfter = reader.Duration("staleAfter", TimeSpan.FromSeconds(1), TimeSpan.FromDays(35)) ?? defaults.StaleAfter,
            Rearm = reader.Duration("rearm", TimeSpan.Zero, TimeSpan.FromDays(7)) ?? defaults.Rearm,
            Unit = reader.String("unit"),
        };

        if (settings is { Warning: { } warning, Critical: { } critical })
        {
            var wrongWay = settings.Direction switch
            {
                MetricDirection.HigherIsWorse => critical < warning,
                MetricDirection.LowerIsWorse => critical > warning,
                _ => false,
            };
            if (wrongWay) reader.Problem("critical", $"must lie beyond warning ({warning}) in the metric's bad direction");
        }

        if (settings.Direction == MetricDirection.Both && (settings.Warning is not null || settings.Critical is not null))
        {
            reader.Problem("direction", "static warning/critical levels need a direction of higher-is-worse or lower-is-worse");
        }

        if (settings.Unit is { Length: > 32 }) reader.Problem("unit", "must be at most 32 characters");
        return problems.Count > before ? null : settings;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>A tag map and the document text it was read from; equal when the text is.</summary>
    private sealed record SharedTags(string Text, ImmutableSortedDictionary<string, string> Tags)
    {
        public bool Equals(SharedTags? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);
    }
}
