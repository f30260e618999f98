using System.Collections.Immutable;

namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>
/// A service review kept with the SLA: the meeting's date and attendees, the report it discussed (period label and the
/// SLA version that report used), the decisions and the actions (linked to improvement items), and who recorded it when.
/// </summary>
[GenerateSerializer, Immutable, Alias("ImpactMesh.ServiceReview")]
public sealed record ServiceReview(
    [property: Id(0)] string Id,
    [property: Id(1)] DateOnly Date,
    [property: Id(2)] string Period,
    [property: Id(3)] int ReportVersion,
    [property: Id(4)] ImmutableArray<string> Attendees,
    [property: Id(5)] ImmutableArray<string> Decisions,
    [property: Id(6)] ImmutableArray<ReviewAction> Actions,
    [property: Id(7)] string RecordedBy,
    [property: Id(8)] DateTimeOffset RecordedAt);
