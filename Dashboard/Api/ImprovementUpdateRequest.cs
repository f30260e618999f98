namespace ImpactMesh.Dashboard.Api;

/// <summary>A change to an improvement item: status open, in-progress or closed; fields left out do not change.</summary>
public sealed record ImprovementUpdateRequest(string? Owner, DateOnly? DueDate, string? Status, string? Note);
