using System.Globalization;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>The UTC days of history grains keyed <c>"{componentId}|{yyyy-MM-dd}"</c> (metric and status history).</summary>
internal static class DayKey
{
    /// <summary>The start (UTC midnight) of the day of <paramref name="time"/>.</summary>
    public static DateTimeOffset DayOf(DateTimeOffset time) => new(time.UtcDateTime.Date, TimeSpan.Zero);

    public static (string Component, DateTimeOffset Day) Parse(string key)
    {
        var bar = key.LastIndexOf('|');
        return (key[..bar], DateTimeOffset.ParseExact(key[(bar + 1)..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal));
    }
}
