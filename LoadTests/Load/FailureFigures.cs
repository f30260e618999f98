namespace ImpactMesh.LoadTests.Load;

/// <summary>
/// The failure injections of a run: failure to the last affected service updated (known in process only) and to its
/// arrival at the watcher, the same for the recovery to the last service Ok again, and the what-if that found the affected
/// services (round trip and server time).
/// </summary>
internal sealed record FailureFigures(
    int Injections,
    int TimedOut,
    int WithoutAffectedService,
    double AffectedServicesMean,
    LatencySummary FailureToLastService,
    LatencySummary FailureToLastServiceArrived,
    LatencySummary RecoveryToLastService,
    LatencySummary RecoveryToLastServiceArrived,
    LatencySummary WhatIfRoundTrip,
    LatencySummary WhatIfServer);
