using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Dashboard.Realtime;

/// <summary>
/// One batch of changes for a connection, one array per kind of change so that new kinds can be added without breaking
/// clients. <see cref="Statuses"/> holds the latest status per component (coalesced); <see cref="Alerts"/> the transitions
/// worth an alert, oldest first; <see cref="Metrics"/> the latest metric highlights of each watched component that changed;
/// <see cref="Slas"/> the latest summary of each SLA whose standing changed. <see cref="TopologyVersion"/> is set when the graph
/// changed and <see cref="Resync"/> when the connection fell too far behind: in both cases the client asks for a snapshot.
/// </summary>
public sealed record ImpactDeltas(
    long Sequence,
    DateTimeOffset At,
    ImmutableArray<ComponentStatus> Statuses,
    ImmutableArray<ImpactAlert> Alerts,
    ImmutableArray<MetricHighlights> Metrics,
    ImmutableArray<SlaSummary> Slas,
    long? TopologyVersion,
    bool Resync);
