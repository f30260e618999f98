namespace ImpactMesh.LoadTests.Load;

/// <summary>One step of a ramp: the target and achieved rates, its p99 latency, errors, and whether it was sustained.</summary>
internal sealed record RampStep(double TargetRate, double AchievedRate, double P99Ms, long Errors, bool Sustained);
