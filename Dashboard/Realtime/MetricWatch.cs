using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces;
using ImpactMesh.Grains.Interfaces.Topology;
using Microsoft.Extensions.Logging;

namespace ImpactMesh.Dashboard.Realtime;

/// <summary>
/// Reads the metric highlights of watched components from their grains, and remembers what it last read of each so that
/// <see cref="ChangedAsync"/> returns only what changed since. One per silo: a component watched by many connections is
/// read once per poll, whatever the number of connections.
/// </summary>
public sealed partial class MetricWatch(
    IGrainFactory grains,
    [FromKeyedServices(ServiceKeys.Time)] TimeProvider time,
    ILogger<MetricWatch> logger)
{
    private readonly Dictionary<string, MetricHighlights> _last = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>The current highlights of <paramref name="ids"/> (components no longer in the graph or failing to answer are left out).</summary>
    public async Task<ImmutableArray<MetricHighlights>> ReadAsync(IReadOnlyCollection<string> ids)
    {
        var reads = await Task.WhenAll(ids.Select(ReadOneAsync));
        return [.. reads.OfType<MetricHighlights>()];
    }

    /// <summary>
    /// Reads every one of <paramref name="watched"/> and returns those whose metrics changed since the last call (all of them
    /// the first time); forgets the components no longer watched.
    /// </summary>
    public async Task<IReadOnlyList<MetricHighlights>> ChangedAsync(IReadOnlySet<string> watched)
    {
        var read = await ReadAsync(watched);
        var changed = new List<MetricHighlights>();
        lock (_gate)
        {
            foreach (var id in _last.Keys.Where(id => !watched.Contains(id)).ToList()) _last.Remove(id);
            foreach (var highlights in read)
            {
                if (_last.TryGetValue(highlights.Id, out var last) && last.SameMetrics(highlights)) continue;
                _last[highlights.Id] = highlights;
                changed.Add(highlights);
            }
        }

        return changed;
    }

    private async Task<MetricHighlights?> ReadOneAsync(string id)
    {
        try
        {
            var health = await GrainReferences.Get<IComponentGrain>(grains, id).GetHealthAsync();
            return health is null ? null : MetricHighlights.From(health, time.GetUtcNow());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogReadFailed(logger, id, e);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live feed: could not read the metrics of watched component {Component}")]
    private static partial void LogReadFailed(ILogger logger, string component, Exception exception);
}
