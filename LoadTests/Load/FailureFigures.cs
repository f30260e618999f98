namespace ImpactMesh.LoadTests.Load;

/// <summary>
/// The failure injections of a run: failure to the last affected service updated (known in process only) and to its
/// arrival at the watcher, the same for the recovery to the last service Ok again, and the what-if that found the affected
/// services (round trip and server time). The failure's time is also split: to the failed leaf updated, and from the
/// leaf to the last affected service (propagation alone); both known in process only.
/// </summary>
internal sealed record FailureFigures(
    int Injections,
    int TimedOut,
    int WithoutAffectedService,
    double AffectedServicesMean,
    LatencySummary FailureToLastService,
    LatencySummary FailureToLastServiceArrived,
    LatencySummary FailureToLeaf,
    LatencySummary LeafToLastService,
    LatencySummary RecoveryToLastService,
    LatencySummary RecoveryToLastServiceArrived,
    LatencySummary WhatIfRoundTrip,
    LatencySummary WhatIfServer);
