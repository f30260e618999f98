using ImpactMesh.Dashboard.Security;
using ImpactMesh.Grains.Interfaces.Topology;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ImpactMesh.Dashboard.Api;

/// <summary>The relation graph (IT relation DB): <c>/api/topology</c> and <c>/api/components/{id}</c>.</summary>
public static class TopologyApi
{
    public static IEndpointRouteBuilder MapTopologyApi(this IEndpointRouteBuilder app)
    {
        var topology = app.MapGroup("/api/topology").WithTags("Topology");
        topology.MapGet("", GetTopologyAsync)
            .WithName("GetTopology").WithSummary("The whole relation graph, as a document PUT /api/topology accepts.")
            .RequireAuthorization(Roles.Viewer);
        topology.MapPut("", ReplaceTopologyAsync)
            .WithName("ReplaceTopology").WithSummary("Replaces the whole relation graph. Body: a topology document, application/json or application/yaml; nothing is applied when it has errors.")
            .ProducesValidationProblem()
            .RequireAuthorization(Roles.Admin);

        var components = app.MapGroup("/api/components").WithTags("Components");
        components.MapGet("{id}", GetComponentAsync)
            .WithName("GetComponent").WithSummary("A component with its relations in both directions (dependsOn, dependents) and its health (status, reason, root causes, metrics, recent history).")
            .RequireAuthorization(Roles.Viewer);
        components.MapPut("{id}", UpsertComponentAsync)
            .WithName("UpsertComponent").WithSummary("Adds or replaces one component. Body: a component document, application/json or application/yaml.")
            .ProducesValidationProblem()
            .RequireAuthorization(Roles.Admin);
        components.MapDelete("{id}", RemoveComponentAsync)
            .WithName("RemoveComponent")
            .WithSummary("Removes a component. When others depend on it the answer is 409 naming them, unless force=true detaches them.")
            .RequireAuthorization(Roles.Admin);
        return app;
    }

    private static async Task<Ok<TopologyResponse>> GetTopologyAsync(IGrainFactory grains)
    {
        var snapshot = await Topology(grains).GetSnapshotAsync();
        return TypedResults.Ok(new TopologyResponse(snapshot.Version, snapshot.UpdatedAt, snapshot.Components));
    }

    private static async Task<IResult> ReplaceTopologyAsync(HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var (text, format, error) = await DocumentBody.ReadAsync(request, cancellationToken);
        if (error is not null) return error;
        var result = await Topology(grains).ReplaceAsync(text!, format);
        return result.Applied
            ? TypedResults.Ok(new TopologyUpdateResponse(result.Version, result.Components, result.Relations, result.Warnings))
            : ApiProblems.Invalid(result.Errors, "The topology document is not valid; nothing was changed");
    }

    private static async Task<IResult> GetComponentAsync(string id, IGrainFactory grains)
    {
        if (!ComponentId.IsValid(id)) return ApiProblems.Invalid("id", $"'{id}' is not a valid component id ({ComponentId.Rule})");
        var relations = await Topology(grains).GetComponentAsync(id);
        if (relations is null) return ApiProblems.NotFound("component", id);
        return TypedResults.Ok(ComponentResponse.From(relations, await grains.GetGrain<IComponentGrain>(id).GetHealthAsync()));
    }

    private static async Task<IResult> UpsertComponentAsync(string id, HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (!ComponentId.IsValid(id)) return ApiProblems.Invalid("id", $"'{id}' is not a valid component id ({ComponentId.Rule})");
        var (text, format, error) = await DocumentBody.ReadAsync(request, cancellationToken);
        if (error is not null) return error;
        var topology = Topology(grains);
        var existed = await topology.GetComponentAsync(id) is not null;
        var result = await topology.UpsertComponentAsync(id, text!, format);
        if (!result.Applied) return ApiProblems.Invalid(result.Errors, $"The component document is not valid; '{id}' was not changed");
        var response = new TopologyUpdateResponse(result.Version, result.Components, result.Relations, result.Warnings);
        return existed ? TypedResults.Ok(response) : TypedResults.Created($"/api/components/{id}", response);
    }

    private static async Task<IResult> RemoveComponentAsync(string id, IGrainFactory grains, bool force = false)
    {
        if (!ComponentId.IsValid(id)) return ApiProblems.Invalid("id", $"'{id}' is not a valid component id ({ComponentId.Rule})");
        var result = await Topology(grains).RemoveComponentAsync(id, force);
        if (!result.Found) return ApiProblems.NotFound("component", id);
        if (!result.Removed)
        {
            return TypedResults.Problem(
                title: "Other components depend on this one",
                detail: $"'{id}' is a dependency of {string.Join(", ", result.Dependents)}. Remove those relations first, or pass force=true to detach them.",
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["dependents"] = result.Dependents });
        }

        return TypedResults.Ok(new ComponentRemovalResponse(id, result.Version, result.Dependents));
    }

    private static ITopologyGrain Topology(IGrainFactory grains) => grains.GetGrain<ITopologyGrain>(ITopologyGrain.Key);
}
