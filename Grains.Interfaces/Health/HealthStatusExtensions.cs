namespace ImpactMesh.Grains.Interfaces.Health;

public static class HealthStatusExtensions
{
    /// <summary>True for <see cref="HealthStatus.Ok"/> to <see cref="HealthStatus.Critical"/>.</summary>
    public static bool IsKnown(this HealthStatus status) => status is >= HealthStatus.Ok and <= HealthStatus.Critical;

    /// <summary>The more severe of two known statuses; an unknown one yields to a known one.</summary>
    public static HealthStatus Worse(this HealthStatus a, HealthStatus b)
    {
        if (!a.IsKnown()) return b;
        if (!b.IsKnown()) return a;
        return a >= b ? a : b;
    }

    /// <summary>Moves a known status by <paramref name="levels"/>, clamped to Ok..Critical; Unknown stays Unknown.</summary>
    public static HealthStatus Shift(this HealthStatus status, int levels) =>
        status.IsKnown() ? (HealthStatus)Math.Clamp((int)status + levels, (int)HealthStatus.Ok, (int)HealthStatus.Critical) : status;

    public static bool TryParse(string? text, out HealthStatus status)
    {
        status = HealthStatus.Unknown;
        if (string.IsNullOrWhiteSpace(text) || text.Any(char.IsDigit)) return false;
        return Enum.TryParse(text.Trim(), ignoreCase: true, out status) && Enum.IsDefined(status);
    }
}
