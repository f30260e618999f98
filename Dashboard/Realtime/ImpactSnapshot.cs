using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Dashboard.Realtime;

/// <summary>
/// The whole picture for a connection: the graph (within its subscription), every status that is not Ok and every SLA's summary.
/// <see cref="Sequence"/> is the connection's last delta sequence before it: a client ignores deltas numbered up to it.
/// </summary>
public sealed record ImpactSnapshot(
    long TopologyVersion,
    DateTimeOffset At,
    long Sequence,
    ImpactSubscription Subscription,
    ImmutableArray<MapComponent> Components,
    ImmutableArray<ComponentStatus> Statuses,
    ImmutableArray<SlaSummary> Slas);
