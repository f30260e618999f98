namespace ImpactMesh.Grains.Documents;

/// <summary>
/// One instance per value: the first instance given for a value is returned for every equal one after it. Ids, kinds,
/// tags and plain relations repeat across the components of a large topology, and each read would otherwise keep its own
/// copy for as long as the graph lives. Values of different types are never equal, so one pool serves strings and
/// records alike. A pool lives for one read (or one graph load), so it never grows beyond that.
/// </summary>
internal sealed class InstancePool
{
    private readonly HashSet<object> _instances = [];

    /// <summary>The pooled instance equal to <paramref name="value"/>: <paramref name="value"/> itself when it is the first.</summary>
    public T Get<T>(T value)
        where T : class, IEquatable<T>
    {
        if (_instances.TryGetValue(value, out var pooled)) return (T)pooled;
        _instances.Add(value);
        return value;
    }
}
