namespace ImpactMesh.LoadTests.Load;

/// <summary>Memory at a moment of a soak: managed heap after a full collection, and the process working set.</summary>
internal sealed record MemorySample(double AtSeconds, double ManagedMB, double WorkingSetMB);
