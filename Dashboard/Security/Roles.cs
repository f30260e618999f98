namespace ImpactMesh.Dashboard.Security;

/// <summary>
/// The roles an API key can have, each including the ones before it: a <see cref="Viewer"/> reads, an
/// <see cref="Operator"/> also feeds data (samples, events, maintenance), an <see cref="Admin"/> also changes the
/// relation graph and SLAs. The names double as the authorization policy names.
/// </summary>
public static class Roles
{
    public const string Viewer = "viewer";
    public const string Operator = "operator";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Viewer, Operator, Admin];

    /// <summary>The roles a key of <paramref name="role"/> holds: its own and every weaker one.</summary>
    public static IEnumerable<string> Including(string role) => All.Take(IndexOf(role) + 1);

    public static bool IsRole(string? role) => role is not null && IndexOf(role) >= 0;

    private static int IndexOf(string role) => All.ToList().FindIndex(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
}
