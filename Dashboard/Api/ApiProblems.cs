using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Dashboard.Api;

/// <summary>The API's error answers: <c>application/problem+json</c> naming each bad field by its path.</summary>
internal static class ApiProblems
{
    public static IResult Invalid(string field, string message) =>
        Invalid([new DocumentProblem(field, message)]);

    public static IResult Invalid(ImmutableArray<DocumentProblem> problems, string title = "The request is not valid") =>
        TypedResults.ValidationProblem(
            problems.GroupBy(p => p.Path.Length == 0 ? "document" : p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
            detail: string.Join("; ", problems.Take(20).Select(p => p.ToString())) + (problems.Length > 20 ? $"; and {problems.Length - 20} more" : ""),
            title: title);

    public static IResult NotFound(string what, string id) =>
        TypedResults.Problem(title: $"Unknown {what}", detail: $"There is no {what} '{id}'.", statusCode: StatusCodes.Status404NotFound);
}
