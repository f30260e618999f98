using System.Collections.Immutable;
using System.Security.Claims;
using ImpactMesh.Dashboard.Security;
using ImpactMesh.Grains.Interfaces;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Impact;
using ImpactMesh.Grains.Interfaces.Topology;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactMesh.Dashboard.Api;

/// <summary>
/// Live impact, root causes and what-if: <c>/api/impact</c>, <c>/api/whatif</c> and the per-component
/// <c>impact</c>, <c>history</c>, <c>events</c>, <c>maintenance</c> and <c>single-points-of-failure</c>.
/// </summary>
public static class ImpactApi
{
    private const int MaxWhatIfAssumptions = 10_000;

    public static IEndpointRouteBuilder MapImpactApi(this IEndpointRouteBuilder app)
    {
        var impact = app.MapGroup("/api").WithTags("Impact");
        impact.MapGet("impact", GetImpactAsync)
            .WithName("GetImpact").WithSummary("Every component not Ok right now with status, since when, root causes and impact paths; root causes ranked by blast radius.")
            .RequireAuthorization(Roles.Viewer);
        impact.MapPost("whatif", WhatIfAsync)
            .WithName("WhatIf").WithSummary("Body { assume: { id: status, ... } }: every component whose status would change, computed on a snapshot without touching live state.")
            .RequireAuthorization(Roles.Viewer);

        var component = app.MapGroup("/api/components/{id}").WithTags("Impact");
        component.MapGet("impact", GetComponentImpactAsync)
            .WithName("GetComponentImpact").WithSummary("The component's status, reason, since when, own and derived status, root causes with impact paths and recent history.")
            .RequireAuthorization(Roles.Viewer);
        component.MapGet("history", GetHistoryAsync)
            .WithName("GetComponentHistory").WithSummary("The status timeline in data time between from and to (default: the last 24 hours).")
            .RequireAuthorization(Roles.Viewer);
        component.MapGet("single-points-of-failure", GetSinglePointsOfFailureAsync)
            .WithName("GetSinglePointsOfFailure").WithSummary("The single components that, failing alone, would change this service's status, and to what.")
            .RequireAuthorization(Roles.Viewer);
        component.MapPost("events", RecordEventAsync)
            .WithName("RecordEvent").WithSummary("Body { status, message, source?, timestamp?, expiresAt? | expiresIn? }: an external status (an alarm of another monitor); status ok clears the source.")
            .RequireAuthorization(Roles.Operator);
        component.MapPut("maintenance", SetMaintenanceAsync)
            .WithName("SetMaintenance").WithSummary("Body { reason, until? }: puts the component in maintenance; it passes Ok to its dependents until then.")
            .RequireAuthorization(Roles.Operator);
        component.MapDelete("maintenance", EndMaintenanceAsync)
            .WithName("EndMaintenance").WithSummary("Takes the component out of maintenance.")
            .RequireAuthorization(Roles.Operator);
        return app;
    }

    private static async Task<IResult> GetImpactAsync(IGrainFactory grains)
    {
        var overview = grains.GetGrain<IImpactIndexGrain>(IImpactIndexGrain.Key).GetOverviewAsync();
        var ranking = grains.GetGrain<IImpactAnalysisGrain>(0).RankRootCausesAsync();
        var result = await overview;
        return TypedResults.Ok(new ImpactResponse(result.Components, await ranking, result.LastChangeAt));
    }

    private static async Task<IResult> WhatIfAsync(HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (body, error) = await JsonBody.ReadAsync(request, cancellationToken, "assume");
        if (error is not null) return error;
        var assume = ImmutableDictionary.CreateBuilder<string, HealthStatus>(StringComparer.Ordinal);
        if (body!.Get("assume") is not { ValueKind: System.Text.Json.JsonValueKind.Object } map)
        {
            body.Problem("assume", "is required: an object of component ids to statuses, e.g. { \"db-1\": \"critical\" }");
        }
        else
        {
            foreach (var entry in map.EnumerateObject())
            {
                var path = $"assume.{entry.Name}";
                if (!ComponentId.IsValid(entry.Name)) body.Problem(path, $"'{entry.Name}' is not a valid component id");
                else if (entry.Value.ValueKind != System.Text.Json.JsonValueKind.String || !HealthStatusExtensions.TryParse(entry.Value.GetString(), out var status) || !status.IsKnown())
                {
                    body.Problem(path, "must be a status (ok, warning, minor, major, critical)");
                }
                else assume[entry.Name] = status;
            }

            if (assume.Count > MaxWhatIfAssumptions) body.Problem("assume", $"at most {MaxWhatIfAssumptions} components");
        }

        if (body.HasProblems) return body.Invalid();
        var result = await grains.GetGrain<IImpactAnalysisGrain>(0).WhatIfAsync(assume.ToImmutable());
        if (!result.UnknownComponents.IsEmpty)
        {
            return ApiProblems.Invalid([.. result.UnknownComponents.Select(id => new DocumentProblem($"assume.{id}", $"unknown component '{id}'"))]);
        }

        return TypedResults.Ok(result);
    }

    private static async Task<IResult> GetComponentImpactAsync(string id, IGrainFactory grains)
    {
        if (!ComponentId.IsValid(id)) return InvalidId(id);
        var health = await grains.GetGrain<IComponentGrain>(id).GetHealthAsync();
        return health is null ? ApiProblems.NotFound("component", id) : TypedResults.Ok(health);
    }

    private static async Task<IResult> GetHistoryAsync(string id, IGrainFactory grains, [FromKeyedServices(ServiceKeys.Time)] TimeProvider time, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        if (!ComponentId.IsValid(id)) return InvalidId(id);
        var end = to ?? time.GetUtcNow();
        var start = from ?? end.AddDays(-1);
        if (start >= end) return ApiProblems.Invalid("from", "must be before to");
        if (await grains.GetGrain<ITopologyGrain>(ITopologyGrain.Key).GetComponentAsync(id) is null) return ApiProblems.NotFound("component", id);
        return TypedResults.Ok(await grains.GetGrain<IComponentGrain>(id).GetTimelineAsync(start, end));
    }

    private static async Task<IResult> GetSinglePointsOfFailureAsync(string id, IGrainFactory grains)
    {
        if (!ComponentId.IsValid(id)) return InvalidId(id);
        if (await grains.GetGrain<ITopologyGrain>(ITopologyGrain.Key).GetComponentAsync(id) is null) return ApiProblems.NotFound("component", id);
        return TypedResults.Ok(await grains.GetGrain<IImpactAnalysisGrain>(0).SinglePointsOfFailureAsync(id));
    }

    private static async Task<IResult> RecordEventAsync(string id, HttpRequest request, IGrainFactory grains, [FromKeyedServices(ServiceKeys.Time)] TimeProvider time, CancellationToken cancellationToken)
    {
        if (!ComponentId.IsValid(id)) return InvalidId(id);
        var (body, error) = await JsonBody.ReadAsync(request, cancellationToken, "status", "message", "source", "timestamp", "expiresAt", "expiresIn");
        if (error is not null) return error;
        var status = body!.Status("status", required: true);
        var message = body.String("message") ?? "";
        var source = body.String("source", maxLength: 128) ?? "api";
        if (source.Length == 0) body.Problem("source", "must not be empty");
        var now = time.GetUtcNow();
        var at = body.Timestamp("timestamp") ?? now;
        if (at > now.AddMinutes(5)) body.Problem("timestamp", "is more than 5 minutes in the future");
        var expiresAt = body.Timestamp("expiresAt");
        var expiresIn = body.Duration("expiresIn");
        if (expiresAt is not null && expiresIn is not null) body.Problem("expiresIn", "give expiresAt or expiresIn, not both");
        expiresAt ??= expiresIn is null ? null : at + expiresIn.Value;
        if (expiresAt <= at) body.Problem("expiresAt", "must be after the timestamp");
        if (body.HasProblems) return body.Invalid();

        var recorded = await grains.GetGrain<IComponentGrain>(id).RecordEventAsync(new ExternalStatus(source, status!.Value, message, at, expiresAt));
        if (!recorded) return ApiProblems.NotFound("component", id);
        return TypedResults.Accepted($"/api/components/{id}/impact", new { component = id, source, status, at, expiresAt });
    }

    private static async Task<IResult> SetMaintenanceAsync(string id, HttpRequest request, ClaimsPrincipal user, IGrainFactory grains, [FromKeyedServices(ServiceKeys.Time)] TimeProvider time, CancellationToken cancellationToken)
    {
        if (!ComponentId.IsValid(id)) return InvalidId(id);
        var (body, error) = await JsonBody.ReadAsync(request, cancellationToken, "reason", "until");
        if (error is not null) return error;
        var reason = body!.String("reason", required: true);
        var until = body.Timestamp("until");
        var now = time.GetUtcNow();
        if (until <= now) body.Problem("until", "must be in the future");
        if (body.HasProblems) return body.Invalid();
        var maintenance = new Maintenance(reason!, now, until, user.Identity?.Name);
        return await grains.GetGrain<IComponentGrain>(id).SetMaintenanceAsync(maintenance)
            ? TypedResults.Ok(maintenance)
            : ApiProblems.NotFound("component", id);
    }

    private static async Task<IResult> EndMaintenanceAsync(string id, IGrainFactory grains)
    {
        if (!ComponentId.IsValid(id)) return InvalidId(id);
        return await grains.GetGrain<IComponentGrain>(id).SetMaintenanceAsync(null) ? TypedResults.NoContent() : ApiProblems.NotFound("component", id);
    }

    private static IResult InvalidId(string id) => ApiProblems.Invalid("id", $"'{id}' is not a valid component id ({ComponentId.Rule})");
}
