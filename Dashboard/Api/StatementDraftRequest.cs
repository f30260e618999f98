namespace ImpactMesh.Dashboard.Api;

/// <summary>The id of the SLA to draft from a statement of work.</summary>
public sealed record StatementDraftRequest(string? SlaId);
