namespace ImpactMesh.LoadTests.Commands;

/// <summary>Parses <c>--name value</c> pairs (a flag without a value maps to "true").</summary>
internal static class CommandLine
{
    public static Dictionary<string, string> Parse(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) continue;
            var hasValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            options[args[i]] = hasValue ? args[++i] : "true";
        }

        return options;
    }
}
