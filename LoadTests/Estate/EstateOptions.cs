namespace ImpactMesh.LoadTests.Estate;

/// <summary>The shape of a generated estate.</summary>
internal sealed record EstateOptions(int Components = 10_000, int FanOut = 3, int Depth = 8, int Seed = 42);
