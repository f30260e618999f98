using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Impact;

namespace ImpactMesh.Dashboard.Realtime;

/// <summary>The metric highlights of one watched component, read from its grain at <see cref="At"/>.</summary>
public sealed record MetricHighlights(string Id, DateTimeOffset At, ImmutableArray<MetricHighlight> Metrics)
{
    public static MetricHighlights From(ComponentHealth health, DateTimeOffset at) =>
        new(health.Id, at, [.. health.Metrics.Select(MetricHighlight.From)]);

    /// <summary>Whether the metrics are the same as <paramref name="other"/>'s (the time of the read aside).</summary>
    public bool SameMetrics(MetricHighlights other) => Metrics.SequenceEqual(other.Metrics);
}
