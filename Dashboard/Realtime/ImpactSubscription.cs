namespace ImpactMesh.Dashboard.Realtime;

/// <summary>
/// Which part of the estate a connection watches; every condition given must hold (none: everything).
/// <see cref="Service"/> is a component and everything it depends on, directly or not; <see cref="Tag"/> is
/// <c>key</c> or <c>key=value</c>; <see cref="Kind"/> a component kind such as <c>service</c> or <c>database</c>.
/// </summary>
public sealed record ImpactSubscription(string? Service = null, string? Tag = null, string? Kind = null)
{
    public static ImpactSubscription Everything { get; } = new();

    public bool IsEverything => Service is null && Tag is null && Kind is null;
}
