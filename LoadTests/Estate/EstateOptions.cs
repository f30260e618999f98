namespace ImpactMesh.LoadTests.Estate;

/// <summary>The shape of a generated estate; <see cref="Metrics"/> metrics are declared on every component (1 to 8).</summary>
internal sealed record EstateOptions(int Components = 10_000, int FanOut = 3, int Depth = 8, int Seed = 42, int Metrics = 1);
