namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>The measurement period of an SLA, in the SLA's time zone.</summary>
[GenerateSerializer, Alias("ImpactMesh.PeriodKind")]
public enum PeriodKind
{
    /// <summary>Calendar month (the default).</summary>
    Month = 0,

    /// <summary>ISO week, Monday to Sunday.</summary>
    Week = 1,

    /// <summary>Calendar quarter (Jan-Mar, Apr-Jun, Jul-Sep, Oct-Dec).</summary>
    Quarter = 2,

    /// <summary>The last N whole local days up to and including the day of the instant measured.</summary>
    Rolling = 3,
}
