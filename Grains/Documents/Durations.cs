using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;

namespace ImpactMesh.Grains.Documents;

/// <summary>
/// Durations as written in documents: compact forms such as <c>90s</c>, <c>5m</c>, <c>1h30m</c>, <c>7d</c>, <c>250ms</c>,
/// ISO 8601 such as <c>PT5M</c>, or <c>hh:mm:ss</c> (.NET's constant format, as the API writes durations).
/// </summary>
internal static partial class Durations
{
    [GeneratedRegex(@"^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+)s)?(?:(\d+)ms)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Compact();

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        if (text.StartsWith('P'))
        {
            try
            {
                duration = XmlConvert.ToTimeSpan(text);
                return duration >= TimeSpan.Zero;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        if (text.Contains(':') && TimeSpan.TryParseExact(text, "c", CultureInfo.InvariantCulture, out duration))
        {
            return duration >= TimeSpan.Zero;
        }

        var match = Compact().Match(text);
        if (!match.Success || text.Length == 0) return false;
        long Part(int group) => match.Groups[group].Success ? long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
        try
        {
            duration = TimeSpan.FromDays(Part(1)) + TimeSpan.FromHours(Part(2)) + TimeSpan.FromMinutes(Part(3))
                + TimeSpan.FromSeconds(Part(4)) + TimeSpan.FromMilliseconds(Part(5));
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>The compact form, e.g. <c>1h30m</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero) return "0s";
        var parts = new List<string>();
        if (duration.Days > 0) parts.Add($"{duration.Days}d");
        if (duration.Hours > 0) parts.Add($"{duration.Hours}h");
        if (duration.Minutes > 0) parts.Add($"{duration.Minutes}m");
        if (duration.Seconds > 0) parts.Add($"{duration.Seconds}s");
        if (duration.Milliseconds > 0) parts.Add($"{duration.Milliseconds}ms");
        return string.Concat(parts);
    }
}
