namespace ImpactMesh.LoadTests.Load;

/// <summary>When a component was updated (its change was published) and when the batch with the change reached the watcher.</summary>
internal readonly record struct ObservedChange(DateTimeOffset PublishedAt, DateTimeOffset ArrivedAt);
