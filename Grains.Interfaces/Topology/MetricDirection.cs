namespace ImpactMesh.Grains.Interfaces.Topology;

/// <summary>Which way a metric goes bad.</summary>
[GenerateSerializer, Alias("ImpactMesh.MetricDirection")]
public enum MetricDirection
{
    /// <summary>Latency, errors: high values are bad.</summary>
    HigherIsWorse = 0,

    /// <summary>Throughput, availability: low values are bad.</summary>
    LowerIsWorse = 1,

    /// <summary>Both directions are bad.</summary>
    Both = 2,
}
