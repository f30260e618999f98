using System.Reflection;
using Orleans.Serialization.Invocation;

namespace ImpactMesh.Grains.Hosting;

/// <summary>
/// Bounds Orleans' pools of grain-call completion sources. Orleans 10 keeps them in per-thread stacks with no limit
/// (<c>ConcurrentObjectPool.MaxPoolSize</c> is <see cref="int.MaxValue"/>): a call takes one on the calling thread and
/// returns it on the thread that consumes the response, so when callers outside grains (HTTP requests, an ingestion
/// adapter) mostly take on some threads and return on others, the returning threads' stacks grow for ever. A 30-minute
/// soak at 2.6 M samples/s grew them by 0.27 MB a minute. The pools are internal to Orleans, so they are reached by
/// reflection; <see cref="Bound"/> says whether it found them.
/// </summary>
public static class ResponsePools
{
    /// <summary>Completion sources kept per thread and result type: plenty for any burst of calls one thread makes.</summary>
    public const int MaxPerThread = 256;

    /// <summary>Bounds the untyped pool and the pools of the given result types; false when Orleans' internals changed.</summary>
    public static bool Bound(params Type[] resultTypes)
    {
        var found = SetMax(typeof(ResponseCompletionSourcePool).GetField("UntypedPool", BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null));
        var typed = typeof(ResponseCompletionSourcePool).GetNestedType("TypedPool`1", BindingFlags.NonPublic);
        foreach (var type in resultTypes)
        {
            found &= typed is not null && SetMax(typed.MakeGenericType(type).GetField("Pool", BindingFlags.Public | BindingFlags.Static)?.GetValue(null));
        }

        return found;
    }

    /// <summary>The bound of the pool of <paramref name="resultType"/>, or null when it cannot be found.</summary>
    public static int? MaxPoolSize(Type resultType)
    {
        var typed = typeof(ResponseCompletionSourcePool).GetNestedType("TypedPool`1", BindingFlags.NonPublic);
        var pool = typed?.MakeGenericType(resultType).GetField("Pool", BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
        return pool?.GetType().GetProperty("MaxPoolSize")?.GetValue(pool) as int?;
    }

    private static bool SetMax(object? pool)
    {
        var property = pool?.GetType().GetProperty("MaxPoolSize");
        if (property is null || !property.CanWrite) return false;
        property.SetValue(pool, MaxPerThread);
        return true;
    }
}
