namespace ImpactMesh.LoadTests.Estate;

/// <summary>
/// The shape of a generated estate: <see cref="Metrics"/> metrics per component (1 to 8), declared in the document
/// unless <see cref="DeclareMetrics"/> is false (then they are only sampled: undeclared metrics are accepted too).
/// </summary>
internal sealed record EstateOptions(int Components = 10_000, int FanOut = 3, int Depth = 8, int Seed = 42, int Metrics = 1, bool DeclareMetrics = true);
