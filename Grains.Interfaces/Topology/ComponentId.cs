using System.Text.RegularExpressions;

namespace ImpactMesh.Grains.Interfaces.Topology;

/// <summary>The form of a component id: 1-128 characters of <c>A-Z a-z 0-9 . _ : -</c>.</summary>
public static partial class ComponentId
{
    public const string Rule = "1-128 characters of A-Z a-z 0-9 . _ : -";

    [GeneratedRegex(@"^[A-Za-z0-9._:-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);
}
