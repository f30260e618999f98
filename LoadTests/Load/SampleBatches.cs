using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.LoadTests.Load;

/// <summary>
/// The samples of a run: batch k goes to one component (spread over the estate with a stride, so consecutive batches hit
/// different grains) and holds <see cref="BatchSize"/> samples across its metrics, values around 100 with gentle noise
/// (healthy: the background load should not itself change statuses), stamped with the send time.
/// </summary>
internal sealed class SampleBatches
{
    private readonly IReadOnlyList<string> _components;
    private readonly IReadOnlyList<string> _metrics;
    private readonly long _stride;

    public SampleBatches(IReadOnlyList<string> components, IReadOnlyList<string> metrics, int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfZero(components.Count);
        _components = components;
        _metrics = metrics;
        BatchSize = batchSize;
        _stride = StrideFor(components.Count);
    }

    public int BatchSize { get; }

    public int Components => _components.Count;

    /// <summary>The component of batch <paramref name="index"/>.</summary>
    public string ComponentOf(long index) => _components[(int)(index * _stride % _components.Count)];

    public ImmutableArray<MetricSample> Samples(long index, DateTimeOffset now)
    {
        var builder = ImmutableArray.CreateBuilder<MetricSample>(BatchSize);
        for (var i = 0; i < BatchSize; i++)
        {
            var noise = ((index * 31 + i * 17) % 11) - 5;
            builder.Add(new MetricSample(_metrics[i % _metrics.Count], 100 + noise, now));
        }

        return builder.MoveToImmutable();
    }

    /// <summary>A stride coprime with <paramref name="count"/> near its golden section: every component in turn, well spread.</summary>
    internal static long StrideFor(int count)
    {
        if (count <= 2) return 1;
        var stride = (long)(count * 0.618) | 1;
        while (Gcd(stride, count) != 1) stride += 2;
        return stride;
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
}
