namespace ImpactMesh.LoadTests.Realtime;

/// <summary>One <c>Deltas</c> message a hub client received: when, how many statuses, how many bytes of JSON.</summary>
internal readonly record struct DeltaMessage(DateTimeOffset ArrivedAt, int Statuses, int Bytes);
