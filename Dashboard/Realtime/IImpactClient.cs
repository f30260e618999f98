namespace ImpactMesh.Dashboard.Realtime;

/// <summary>
/// What the impact hub sends a browser. The method names are the message names on the wire: <c>Snapshot</c> (the graph
/// and every status, on connect) and <c>Deltas</c> (batched changes since the last message).
/// </summary>
public interface IImpactClient
{
    Task Snapshot(ImpactSnapshot snapshot);

    Task Deltas(ImpactDeltas deltas);
}
