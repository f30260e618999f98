using System.Globalization;

namespace ImpactMesh.LoadTests.Commands;

/// <summary>Reads <c>--name value</c> options of a command; unknown or malformed options are errors.</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public CommandLine(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"unexpected argument '{args[i]}'");
            var name = args[i][2..];
            _values[name] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
        }
    }

    public string? String(string name)
    {
        _used.Add(name);
        return _values.GetValueOrDefault(name);
    }

    public int Int(string name, int fallback) => Parse(name, fallback, s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture));

    public double Double(string name, double fallback) => Parse(name, fallback, s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture));

    public bool Flag(string name) => String(name) is "true";

    /// <summary>Throws for any option the command did not ask for (a typo would otherwise be ignored).</summary>
    public void EnsureAllUsed()
    {
        var unknown = _values.Keys.Where(k => !_used.Contains(k)).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"unknown option(s): {string.Join(", ", unknown.Select(u => "--" + u))}");
    }

    private T Parse<T>(string name, T fallback, Func<string, T> parse)
    {
        var text = String(name);
        if (text is null) return fallback;
        try
        {
            return parse(text);
        }
        catch (FormatException)
        {
            throw new ArgumentException($"--{name}: '{text}' is not a number");
        }
    }
}
