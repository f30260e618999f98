using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Impact;

namespace ImpactMesh.Grains.Impact;

/// <summary>
/// The live impact of the estate, built from the impact stream: every component whose status or own status is not Ok or
/// that is in maintenance, since when its current episode began (data time), and the own statuses a what-if starts from.
/// </summary>
internal sealed class ImpactIndex
{
    private readonly Dictionary<string, IncidentComponent> _components = new(StringComparer.Ordinal);

    public ImpactIndex(IEnumerable<IncidentComponent> components, DateTimeOffset? lastChangeAt)
    {
        foreach (var component in components) _components[component.Id] = component;
        LastChangeAt = lastChangeAt;
    }

    /// <summary>Every component the index holds (not Ok, own status not Ok, or in maintenance).</summary>
    public IEnumerable<IncidentComponent> Components => _components.Values;

    public DateTimeOffset? LastChangeAt { get; private set; }

    public int Count => _components.Count;

    public void Apply(ImpactChange change)
    {
        if (LastChangeAt is null || change.At > LastChangeAt) LastChangeAt = change.At;
        var notable = change.New != HealthStatus.Ok || change.OwnStatus != HealthStatus.Ok || change.InMaintenance;
        if (!notable)
        {
            _components.Remove(change.Component);
            return;
        }

        var since = _components.TryGetValue(change.Component, out var known) && known.Status != HealthStatus.Ok && change.New != HealthStatus.Ok
            ? known.Since
            : change.At;
        _components[change.Component] = new IncidentComponent(
            change.Component, change.Kind, change.New, since, change.OwnStatus, change.InMaintenance, change.Reason, change.RootCauses, change.TotalRootCauses);
    }

    /// <summary>The components that are not Ok, worst first, then services first, then longest-standing.</summary>
    public ImpactOverview Overview() => new(
        [.. _components.Values
            .Where(c => c.Status != HealthStatus.Ok)
            .OrderByDescending(c => c.Status == HealthStatus.Unknown ? 0 : (int)c.Status + 1)
            .ThenByDescending(c => c.Kind == ImpactGraph.ServiceKind)
            .ThenBy(c => c.Since)
            .ThenBy(c => c.Id, StringComparer.Ordinal)],
        LastChangeAt);

    public OwnStatuses OwnStatuses() => new(
        _components.Values.Where(c => c.OwnStatus != HealthStatus.Ok).ToImmutableDictionary(c => c.Id, c => c.OwnStatus, StringComparer.Ordinal),
        [.. _components.Values.Where(c => c.InMaintenance).Select(c => c.Id)]);
}
