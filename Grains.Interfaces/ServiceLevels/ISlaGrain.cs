using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>
/// One SLA (key = SLA id): lifecycle, versions and audit trail, measurement from the covered services' status timelines
/// and metric histories, burn-rate alerts, improvement items, service reviews and reports. Created through
/// <see cref="ISlaRegistryGrain"/>, which keeps the list of SLAs.
/// </summary>
[Alias("ImpactMesh.ISlaGrain")]
public interface ISlaGrain : IGrainWithStringKey
{
    /// <summary>
    /// Creates the SLA (walking it to the state the definition names) or changes its terms (its state is kept: states
    /// move only by <see cref="TransitionAsync"/>). A change to an Active SLA needs the admin role and creates a new
    /// version in force from <paramref name="effectiveFrom"/> (default now).
    /// </summary>
    [Alias("SaveAsync")]
    Task<SlaUpdateResult> SaveAsync(SlaDefinition definition, SlaActor actor, DateTimeOffset? effectiveFrom);

    /// <summary>What <see cref="SaveAsync"/> would answer, without changing anything.</summary>
    [Alias("CheckSaveAsync")]
    Task<SlaUpdateResult> CheckSaveAsync(SlaDefinition definition, SlaActor actor, DateTimeOffset? effectiveFrom);

    /// <summary>The SLA with versions and audit trail; null when it does not exist.</summary>
    [Alias("GetAsync")]
    Task<SlaDetails?> GetAsync();

    /// <summary>The current terms as a JSON SLA document that a save accepts unchanged; null when the SLA does not exist.</summary>
    [Alias("GetDocumentAsync")]
    Task<string?> GetDocumentAsync();

    /// <summary>
    /// Moves the SLA to <paramref name="to"/> (leaving Active needs the admin role). From Baselining to Active,
    /// <paramref name="adoptProposedTargets"/> first takes the targets proposed from the baseline.
    /// </summary>
    [Alias("TransitionAsync")]
    Task<SlaUpdateResult> TransitionAsync(SlaState to, SlaActor actor, string? note, bool adoptProposedTargets);

    /// <summary>State and current standing; null when the SLA does not exist.</summary>
    [Alias("GetSummaryAsync")]
    Task<SlaSummary?> GetSummaryAsync();

    /// <summary>The burn-rate alerts firing now (Active SLAs only).</summary>
    [Alias("GetAlertsAsync")]
    Task<ImmutableArray<SlaAlert>> GetAlertsAsync();

    /// <summary>
    /// The service report of the period named by <paramref name="period"/> (2026-11, 2026-Q4, 2026-W48, or a date 2026-11-15:
    /// the period containing it; empty: the current period so far), using the version in force when the period started.
    /// Reporting a closed period opens improvement items for its missed objectives.
    /// </summary>
    [Alias("GetReportAsync")]
    Task<SlaReportResult> GetReportAsync(string? period);

    /// <summary>The same report as CSV or printable HTML.</summary>
    [Alias("RenderReportAsync")]
    Task<SlaRenderedReport> RenderReportAsync(string? period, SlaReportFormat format);

    /// <summary>The baseline measured so far and the targets proposed from it; null when the SLA never entered Baselining.</summary>
    [Alias("GetBaselineAsync")]
    Task<SlaBaseline?> GetBaselineAsync();

    [Alias("GetImprovementsAsync")]
    Task<ImmutableArray<ImprovementItem>> GetImprovementsAsync();

    [Alias("UpdateImprovementAsync")]
    Task<ImprovementResult> UpdateImprovementAsync(string itemId, ImprovementUpdate update, SlaActor actor);

    [Alias("GetReviewsAsync")]
    Task<ImmutableArray<ServiceReview>> GetReviewsAsync();

    [Alias("AddReviewAsync")]
    Task<ServiceReviewResult> AddReviewAsync(ServiceReviewRequest review, SlaActor actor);

    /// <summary>Activates the grain so an Active SLA evaluates its alerts and publishes its standing on the "sla" stream.</summary>
    [Alias("WakeAsync")]
    Task WakeAsync();
}
