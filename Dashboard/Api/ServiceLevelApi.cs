using System.Security.Claims;
using ImpactMesh.Dashboard.Security;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.Interfaces.Topology;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ImpactMesh.Dashboard.Api;

/// <summary>
/// Service level management: <c>/api/slas</c> (SLAs, lifecycle, alerts, reports, baselines, improvement items, reviews),
/// <c>/api/sla-templates</c> and <c>/api/statements-of-work</c>. Reading needs the viewer role; drafting, negotiating,
/// items and reviews the operator role; changes to an Active SLA (terms or state) the admin role.
/// </summary>
public static class ServiceLevelApi
{
    private const string CsvType = "text/csv; charset=utf-8";
    private const string HtmlType = "text/html; charset=utf-8";

    public static IEndpointRouteBuilder MapServiceLevelApi(this IEndpointRouteBuilder app)
    {
        var slas = app.MapGroup("/api/slas").WithTags("Service levels");
        slas.MapGet("", ListAsync)
            .WithName("ListSlas").WithSummary("Every SLA with its state and current standing: level so far this period, error budget remaining, firing alerts, open improvement items.")
            .RequireAuthorization(Roles.Viewer);
        slas.MapPut("", ApplyDocumentAsync)
            .WithName("ApplySlaDocument")
            .WithSummary("Creates or changes SLAs, templates and statements of work from one document (slas, templates, statementsOfWork), JSON or YAML; nothing is applied when any part has errors. Changing an Active SLA needs the admin role.")
            .ProducesValidationProblem()
            .RequireAuthorization(Roles.Operator);
        slas.MapGet("{id}", GetAsync)
            .WithName("GetSla").WithSummary("An SLA: current terms and state, every version, the audit trail and the services it covers now.")
            .RequireAuthorization(Roles.Viewer);
        slas.MapGet("{id}/document", GetDocumentAsync)
            .WithName("GetSlaDocument").WithSummary("The SLA's current terms as a JSON document that PUT /api/slas/{id} accepts unchanged.")
            .RequireAuthorization(Roles.Viewer);
        slas.MapPut("{id}", PutAsync)
            .WithName("PutSla")
            .WithSummary("Creates an SLA or changes its terms. Body: one SLA object (JSON or YAML). A change to an Active SLA needs the admin role and is a new version in force from effectiveFrom (default now).")
            .ProducesValidationProblem()
            .RequireAuthorization(Roles.Operator);
        slas.MapPost("{id}/transitions", TransitionAsync)
            .WithName("TransitionSla").WithSummary("Moves an SLA through Draft, Negotiation, Agreed, Baselining, Active, Retired. Leaving Active needs the admin role.")
            .ProducesValidationProblem()
            .RequireAuthorization(Roles.Operator);
        slas.MapGet("{id}/alerts", GetAlertsAsync)
            .WithName("GetSlaAlerts").WithSummary("The error-budget burn-rate alerts firing now.")
            .RequireAuthorization(Roles.Viewer);
        slas.MapGet("{id}/report", GetReportAsync)
            .WithName("GetSlaReport")
            .WithSummary("The service report of a period (period=2026-11, 2026-Q4, 2026-W48 or a date; default the current period so far) as format=json, csv or html (or by Accept).")
            .RequireAuthorization(Roles.Viewer);
        slas.MapGet("{id}/baseline", GetBaselineAsync)
            .WithName("GetSlaBaseline").WithSummary("Baselining: what was measured in the baseline window and the targets ImpactMesh proposes from it.")
            .RequireAuthorization(Roles.Viewer);
        slas.MapGet("{id}/improvements", GetImprovementsAsync)
            .WithName("GetSlaImprovements").WithSummary("The service improvement items opened for missed objectives.")
            .RequireAuthorization(Roles.Viewer);
        slas.MapPatch("{id}/improvements/{itemId}", UpdateImprovementAsync)
            .WithName("UpdateSlaImprovement").WithSummary("Changes an improvement item's owner, due date or status (open, in-progress, closed), with a note.")
            .ProducesValidationProblem()
            .RequireAuthorization(Roles.Operator);
        slas.MapGet("{id}/reviews", GetReviewsAsync)
            .WithName("GetSlaReviews").WithSummary("The service reviews kept with the SLA.")
            .RequireAuthorization(Roles.Viewer);
        slas.MapPost("{id}/reviews", AddReviewAsync)
            .WithName("AddSlaReview").WithSummary("Records a service review: date, attendees, the period whose report was discussed, decisions and actions (linked to improvement items).")
            .ProducesValidationProblem()
            .RequireAuthorization(Roles.Operator);

        var templates = app.MapGroup("/api/sla-templates").WithTags("Service levels");
        templates.MapGet("", GetTemplatesAsync)
            .WithName("GetSlaTemplates").WithSummary("The catalogue of standard SLA templates (changed through PUT /api/slas with templates).")
            .RequireAuthorization(Roles.Viewer);

        var statements = app.MapGroup("/api/statements-of-work").WithTags("Service levels");
        statements.MapGet("", GetStatementsAsync)
            .WithName("GetStatementsOfWork").WithSummary("The customers' statements of work (changed through PUT /api/slas with statementsOfWork).")
            .RequireAuthorization(Roles.Viewer);
        statements.MapPost("{id}/draft", DraftAsync)
            .WithName("DraftSlaFromStatement").WithSummary("Drafts a new SLA by applying the statement's template to its scope. Body: { \"slaId\": \"...\" }.")
            .ProducesValidationProblem()
            .RequireAuthorization(Roles.Operator);
        return app;
    }

    private static async Task<Ok<SlaListResponse>> ListAsync(IGrainFactory grains) =>
        TypedResults.Ok(new SlaListResponse(await Registry(grains).GetSummariesAsync()));

    private static async Task<IResult> ApplyDocumentAsync(HttpRequest request, ClaimsPrincipal user, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (text, format, error) = await DocumentBody.ReadAsync(request, cancellationToken);
        if (error is not null) return error;
        var result = await Registry(grains).ApplyDocumentAsync(text!, format, Actor(user));
        return Answer(result, "The SLA document was not applied", () => TypedResults.Ok(new SlaUpdateResponse(result.Created, result.Changed)));
    }

    private static async Task<IResult> GetAsync(string id, IGrainFactory grains)
    {
        if (!ComponentId.IsValid(id)) return InvalidId(id);
        var details = await Sla(grains, id).GetAsync();
        return details is null ? ApiProblems.NotFound("SLA", id) : TypedResults.Ok(details);
    }

    private static async Task<IResult> GetDocumentAsync(string id, IGrainFactory grains)
    {
        if (!ComponentId.IsValid(id)) return InvalidId(id);
        var document = await Sla(grains, id).GetDocumentAsync();
        return document is null ? ApiProblems.NotFound("SLA", id) : TypedResults.Text(document, "application/json; charset=utf-8");
    }

    private static async Task<IResult> PutAsync(string id, HttpRequest request, ClaimsPrincipal user, IGrainFactory grains, CancellationToken cancellationToken,
        DateTimeOffset? effectiveFrom = null)
    {
        if (!ComponentId.IsValid(id)) return InvalidId(id);
        var (text, format, error) = await DocumentBody.ReadAsync(request, cancellationToken);
        if (error is not null) return error;
        var result = await Registry(grains).PutSlaAsync(id, text!, format, Actor(user), effectiveFrom);
        var response = new SlaUpdateResponse(result.Created, result.Changed);
        return Answer(result, $"The SLA document is not valid; '{id}' was not changed",
            () => result.Created.IsEmpty ? TypedResults.Ok(response) : TypedResults.Created($"/api/slas/{id}", response));
    }

    private static async Task<IResult> TransitionAsync(string id, HttpRequest request, ClaimsPrincipal user, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (!ComponentId.IsValid(id)) return InvalidId(id);
        var (body, error) = await TypedJsonBody.ReadAsync<SlaTransitionRequest>(request, cancellationToken);
        if (error is not null) return error;
        if (!TryParse<SlaState>(body!.To, out var to))
        {
            return ApiProblems.Invalid("to", $"must be one of draft, negotiation, agreed, baselining, active, retired, not '{body.To}'");
        }

        var sla = Sla(grains, id);
        if (await sla.GetAsync() is null) return ApiProblems.NotFound("SLA", id);
        var result = await sla.TransitionAsync(to, Actor(user), string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim(), body.AdoptProposedTargets);
        return result.Applied ? TypedResults.Ok(await sla.GetAsync()) : Answer(result, $"'{id}' was not moved to {to}", () => TypedResults.Ok());
    }

    private static async Task<IResult> GetAlertsAsync(string id, IGrainFactory grains)
    {
        if (!ComponentId.IsValid(id)) return InvalidId(id);
        var sla = Sla(grains, id);
        if (await sla.GetAsync() is null) return ApiProblems.NotFound("SLA", id);
        return TypedResults.Ok(await sla.GetAlertsAsync());
    }

    private static async Task<IResult> GetReportAsync(string id, HttpRequest request, IGrainFactory grains, string? period = null, string? format = null)
    {
        if (!ComponentId.IsValid(id)) return InvalidId(id);
        var kind = ReportKind(format, request.Headers.Accept.ToString());
        if (kind is null) return ApiProblems.Invalid("format", $"must be json, csv or html, not '{format}'");
        var sla = Sla(grains, id);
        if (await sla.GetAsync() is null) return ApiProblems.NotFound("SLA", id);
        if (kind == "json")
        {
            var result = await sla.GetReportAsync(period);
            return result.Report is null ? ReportProblem(result.Error!) : TypedResults.Ok(new SlaReportResponse(result.Report, result.OpenItems));
        }

        var rendered = await sla.RenderReportAsync(period, kind == "csv" ? SlaReportFormat.Csv : SlaReportFormat.Html);
        return rendered.Content is null ? ReportProblem(rendered.Error!) : TypedResults.Text(rendered.Content, kind == "csv" ? CsvType : HtmlType);
    }

    private static async Task<IResult> GetBaselineAsync(string id, IGrainFactory grains)
    {
        if (!ComponentId.IsValid(id)) return InvalidId(id);
        var sla = Sla(grains, id);
        if (await sla.GetAsync() is null) return ApiProblems.NotFound("SLA", id);
        var baseline = await sla.GetBaselineAsync();
        return baseline is null
            ? TypedResults.Problem(title: "No baseline", detail: $"'{id}' never entered Baselining.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(baseline);
    }

    private static async Task<IResult> GetImprovementsAsync(string id, IGrainFactory grains)
    {
        if (!ComponentId.IsValid(id)) return InvalidId(id);
        var sla = Sla(grains, id);
        if (await sla.GetAsync() is null) return ApiProblems.NotFound("SLA", id);
        return TypedResults.Ok(await sla.GetImprovementsAsync());
    }

    private static async Task<IResult> UpdateImprovementAsync(string id, string itemId, HttpRequest request, ClaimsPrincipal user, IGrainFactory grains,
        CancellationToken cancellationToken)
    {
        if (!ComponentId.IsValid(id)) return InvalidId(id);
        var (body, error) = await TypedJsonBody.ReadAsync<ImprovementUpdateRequest>(request, cancellationToken);
        if (error is not null) return error;
        ImprovementStatus? status = null;
        if (body!.Status is not null)
        {
            if (!TryParse<ImprovementStatus>(body.Status, out var parsed)) return ApiProblems.Invalid("status", $"must be open, in-progress or closed, not '{body.Status}'");
            status = parsed;
        }

        var sla = Sla(grains, id);
        if (await sla.GetAsync() is null) return ApiProblems.NotFound("SLA", id);
        var result = await sla.UpdateImprovementAsync(itemId, new ImprovementUpdate(body.Owner, body.DueDate, status, body.Note), Actor(user));
        if (result.NotFound) return ApiProblems.NotFound("improvement item", itemId);
        return result.Item is null ? ApiProblems.Invalid(result.Errors, $"'{itemId}' was not changed") : TypedResults.Ok(result.Item);
    }

    private static async Task<IResult> GetReviewsAsync(string id, IGrainFactory grains)
    {
        if (!ComponentId.IsValid(id)) return InvalidId(id);
        var sla = Sla(grains, id);
        if (await sla.GetAsync() is null) return ApiProblems.NotFound("SLA", id);
        return TypedResults.Ok(await sla.GetReviewsAsync());
    }

    private static async Task<IResult> AddReviewAsync(string id, HttpRequest request, ClaimsPrincipal user, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (!ComponentId.IsValid(id)) return InvalidId(id);
        var (body, error) = await TypedJsonBody.ReadAsync<ServiceReviewRequest>(request, cancellationToken);
        if (error is not null) return error;
        var sla = Sla(grains, id);
        if (await sla.GetAsync() is null) return ApiProblems.NotFound("SLA", id);
        var result = await sla.AddReviewAsync(body!, Actor(user));
        return result.Review is null
            ? ApiProblems.Invalid(result.Errors, "The review was not recorded")
            : TypedResults.Created($"/api/slas/{id}/reviews", result.Review);
    }

    private static async Task<Ok<System.Collections.Immutable.ImmutableArray<SlaTemplate>>> GetTemplatesAsync(IGrainFactory grains) =>
        TypedResults.Ok(await Registry(grains).GetTemplatesAsync());

    private static async Task<Ok<System.Collections.Immutable.ImmutableArray<StatementOfWork>>> GetStatementsAsync(IGrainFactory grains) =>
        TypedResults.Ok(await Registry(grains).GetStatementsAsync());

    private static async Task<IResult> DraftAsync(string id, HttpRequest request, ClaimsPrincipal user, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (body, error) = await TypedJsonBody.ReadAsync<StatementDraftRequest>(request, cancellationToken);
        if (error is not null) return error;
        if (body!.SlaId is not { } slaId || !ComponentId.IsValid(slaId)) return ApiProblems.Invalid("slaId", $"must be a valid id ({ComponentId.Rule})");
        var result = await Registry(grains).DraftFromStatementAsync(id, slaId, Actor(user));
        return Answer(result, $"No SLA was drafted from '{id}'",
            () => TypedResults.Created($"/api/slas/{slaId}", new SlaUpdateResponse(result.Created, result.Changed)));
    }

    private static IResult Answer(SlaUpdateResult result, string title, Func<IResult> success)
    {
        if (result.Applied) return success();
        if (result.Forbidden)
        {
            return TypedResults.Problem(title: "The admin role is needed", detail: string.Join("; ", result.Errors.Select(e => e.ToString())),
                statusCode: StatusCodes.Status403Forbidden);
        }

        return ApiProblems.Invalid(result.Errors, title);
    }

    private static IResult ReportProblem(string error) =>
        error.StartsWith("only Active", StringComparison.Ordinal)
            ? TypedResults.Problem(title: "No compliance results", detail: error, statusCode: StatusCodes.Status409Conflict)
            : ApiProblems.Invalid("period", error);

    /// <summary>json, csv or html from the format parameter, else from the Accept header (default json); null when unknown.</summary>
    private static string? ReportKind(string? format, string accept)
    {
        if (!string.IsNullOrWhiteSpace(format))
        {
            var f = format.Trim().ToLowerInvariant();
            return f is "json" or "csv" or "html" ? f : null;
        }

        if (accept.Contains("text/csv", StringComparison.OrdinalIgnoreCase)) return "csv";
        if (accept.Contains("text/html", StringComparison.OrdinalIgnoreCase)) return "html";
        return "json";
    }

    private static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        return text is not null && !text.Any(char.IsDigit) && Enum.TryParse(text.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out value);
    }

    private static SlaActor Actor(ClaimsPrincipal user) => new(user.Identity?.Name ?? "unknown", user.IsInRole(Roles.Admin));

    private static IResult InvalidId(string id) => ApiProblems.Invalid("id", $"'{id}' is not a valid SLA id ({ComponentId.Rule})");

    private static ISlaRegistryGrain Registry(IGrainFactory grains) => grains.GetGrain<ISlaRegistryGrain>(ISlaRegistryGrain.Key);

    private static ISlaGrain Sla(IGrainFactory grains, string id) => grains.GetGrain<ISlaGrain>(id);
}
