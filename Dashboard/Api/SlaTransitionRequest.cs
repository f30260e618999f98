namespace ImpactMesh.Dashboard.Api;

/// <summary>
/// A lifecycle move: <see cref="To"/> is draft, negotiation, agreed, baselining, active or retired; <see cref="Note"/> goes
/// into the audit trail; <see cref="AdoptProposedTargets"/> (Baselining to Active) takes the targets proposed from the baseline.
/// </summary>
public sealed record SlaTransitionRequest(string? To, string? Note, bool AdoptProposedTargets);
