namespace ImpactMesh.Dashboard.Tests.Realtime;

/// <summary>
/// The live host with a small batch cap, so that a storm of changes must be split over several messages, a small watch
/// bound and a quick watch interval.
/// </summary>
public sealed class RealtimeFactory : LiveImpactMeshFactory
{
    public const int MaxBatch = 100;

    public const int MaxWatched = 5;

    public static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(200);

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("ImpactMesh:Realtime:MaxBatch", MaxBatch.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("ImpactMesh:Realtime:FlushInterval", "00:00:00.150"),
        new("ImpactMesh:Realtime:MaxWatched", MaxWatched.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("ImpactMesh:Realtime:WatchInterval", WatchInterval.ToString()),
    ];
}
