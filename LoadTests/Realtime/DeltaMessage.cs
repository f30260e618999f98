namespace ImpactMesh.LoadTests.Realtime;

/// <summary>One <c>Deltas</c> message a hub client received: when (a <see cref="System.Diagnostics.Stopwatch"/> timestamp), how many statuses, how many bytes of JSON.</summary>
internal readonly record struct DeltaMessage(long ArrivedAt, int Statuses, int Bytes);
