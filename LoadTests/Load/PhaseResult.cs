namespace ImpactMesh.LoadTests.Load;

/// <summary>One open-loop phase: ingestion figures, this process's resources, and failure injections when there were any.</summary>
internal sealed record PhaseResult(OpenLoopResult Ingestion, ResourceFigures Resources, FailureFigures? Failures);
