using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>
/// The list of SLAs, the catalogue of SLA templates and the customers' statements of work (key <see cref="Key"/>). SLA
/// documents enter here: each is validated as a whole, nothing is applied when any part is refused.
/// </summary>
[Alias("ImpactMesh.ISlaRegistryGrain")]
public interface ISlaRegistryGrain : IGrainWithStringKey
{
    public const string Key = "all";

    /// <summary>Applies a document of slas, templates and statementsOfWork (all or nothing).</summary>
    [Alias("ApplyDocumentAsync")]
    Task<SlaUpdateResult> ApplyDocumentAsync(string document, DocumentFormat format, SlaActor actor);

    /// <summary>Creates or changes one SLA from a document holding the single SLA object (its id must be <paramref name="id"/>).</summary>
    [Alias("PutSlaAsync")]
    Task<SlaUpdateResult> PutSlaAsync(string id, string document, DocumentFormat format, SlaActor actor, DateTimeOffset? effectiveFrom);

    /// <summary>Drafts SLA <paramref name="slaId"/> by applying the statement's template to its scope.</summary>
    [Alias("DraftFromStatementAsync")]
    Task<SlaUpdateResult> DraftFromStatementAsync(string statementId, string slaId, SlaActor actor);

    [Alias("GetSlaIdsAsync")]
    Task<ImmutableArray<string>> GetSlaIdsAsync();

    /// <summary>Every SLA with its state and standing, ordered by id.</summary>
    [Alias("GetSummariesAsync")]
    Task<ImmutableArray<SlaSummary>> GetSummariesAsync();

    [Alias("GetTemplatesAsync")]
    Task<ImmutableArray<SlaTemplate>> GetTemplatesAsync();

    [Alias("GetStatementsAsync")]
    Task<ImmutableArray<StatementOfWork>> GetStatementsAsync();
}
