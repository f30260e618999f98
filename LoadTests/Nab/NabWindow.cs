namespace ImpactMesh.LoadTests.Nab;

/// <summary>A labelled anomaly window; both ends inclusive.</summary>
internal readonly record struct NabWindow(DateTime Start, DateTime End)
{
    public bool Contains(DateTime t) => t >= Start && t <= End;
}
