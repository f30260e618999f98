namespace ImpactMesh.LoadTests.Load;

/// <summary>
/// The failure injections of a run: failure to the last affected service updated (and to its arrival at the watcher),
/// recovery to the last service Ok again, and the what-if that found the affected services (round trip and server time).
/// </summary>
internal sealed record FailureFigures(
    int Injections,
    int TimedOut,
    int WithoutAffectedService,
    double AffectedServicesMean,
    LatencySummary FailureToLastService,
    LatencySummary FailureToLastServiceArrived,
    LatencySummary RecoveryToLastService,
    LatencySummary WhatIfRoundTrip,
    LatencySummary WhatIfServer);
