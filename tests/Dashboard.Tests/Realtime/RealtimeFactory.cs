namespace ImpactMesh.Dashboard.Tests.Realtime;

/// <summary>The live host with a small batch cap, so that a storm of changes must be split over several messages.</summary>
public sealed class RealtimeFactory : LiveImpactMeshFactory
{
    public const int MaxBatch = 100;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("ImpactMesh:Realtime:MaxBatch", MaxBatch.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("ImpactMesh:Realtime:FlushInterval", "00:00:00.150"),
    ];
}
