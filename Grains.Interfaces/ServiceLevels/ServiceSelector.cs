using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>The services an SLA covers: listed <see cref="Ids"/> plus every service carrying all of <see cref="Tags"/>.</summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.ServiceSelector")]
public sealed record ServiceSelector(
    [property: Id(0)] ImmutableArray<string> Ids,
    [property: Id(1)] ImmutableSortedDictionary<string, string> Tags)
{
    public bool Matches(string id, IReadOnlyDictionary<string, string> tags) =>
        Ids.Contains(id, StringComparer.Ordinal)
        || (Tags.Count > 0 && Tags.All(t => tags.TryGetValue(t.Key, out var v) && string.Equals(v, t.Value, StringComparison.Ordinal)));
}
