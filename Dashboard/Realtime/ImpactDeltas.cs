using System.Collections.Immutable;

namespace ImpactMesh.Dashboard.Realtime;

/// <summary>
/// One batch of changes for a connection, one array per kind of change so that new kinds (metric highlights, SLA status)
/// can be added without breaking clients. <see cref="Statuses"/> holds the latest status per component (coalesced);
/// <see cref="Alerts"/> the transitions worth an alert, oldest first. <see cref="TopologyVersion"/> is set when the graph
/// changed and <see cref="Resync"/> when the connection fell too far behind: in both cases the client asks for a snapshot.
/// </summary>
public sealed record ImpactDeltas(
    long Sequence,
    DateTimeOffset At,
    ImmutableArray<ComponentStatus> Statuses,
    ImmutableArray<ImpactAlert> Alerts,
    long? TopologyVersion,
    bool Resync);
