namespace ImpactMesh.LoadTests.Load;

/// <summary>One step of a ramp: target and achieved rates, p99 latency, errors, whether it was sustained, and the CPU used.</summary>
internal sealed record RampStep(double TargetRate, double AchievedRate, double P99Ms, long Errors, bool Sustained, double CoresUsed);
