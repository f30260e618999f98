using System.Globalization;

namespace ImpactMesh.LoadTests.Nab;

/// <summary>Parses NAB timestamps (<c>YYYY-MM-DD HH:MM:SS</c>, optionally with fractional seconds) as UTC.</summary>
internal static class NabTime
{
    private static readonly string[] Formats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF"];

    public static DateTime Parse(string text) => DateTime.ParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture,
        DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
