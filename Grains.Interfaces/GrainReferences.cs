namespace ImpactMesh.Grains.Interfaces;

/// <summary>
/// Grain references by string key for the hot paths (a reference per ingested batch, per history write). Orleans 10's
/// <c>GetGrain&lt;T&gt;(key)</c> works out the grain interface's type name on every call, by reflection (attributes,
/// type-name formatting), about a kilobyte of garbage each time; this works it out once per factory and interface, then
/// builds each reference from its grain id.
/// </summary>
public static class GrainReferences
{
    /// <summary>The reference to the grain of interface <typeparamref name="T"/> with key <paramref name="key"/>, as <c>GetGrain</c> gives it.</summary>
    public static T Get<T>(IGrainFactory grains, string key) where T : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var types = Types<T>.Resolved;
        if (types is null || !ReferenceEquals(types.Grains, grains))
        {
            // First use, or another factory (another cluster client in the same process): resolve once, the Orleans way.
            var reference = (GrainReference)(object)grains.GetGrain<T>(key);
            Types<T>.Resolved = new ResolvedTypes(grains, reference.GrainId.Type, reference.InterfaceType);
            return (T)(object)reference;
        }

        return (T)grains.GetGrain(GrainId.Create(types.GrainType, key), types.InterfaceType);
    }

    private sealed record ResolvedTypes(IGrainFactory Grains, GrainType GrainType, GrainInterfaceType InterfaceType);

    private static class Types<T>
    {
        public static volatile ResolvedTypes? Resolved;
    }
}
