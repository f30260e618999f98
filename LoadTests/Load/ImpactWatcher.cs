using ImpactMesh.Grains.Interfaces.Health;

namespace ImpactMesh.LoadTests.Load;

/// <summary>
/// Tells a waiting injection when each of the components it expects has changed: to a non-Ok status after a failure, back
/// to Ok after the recovery. A feed puts what it receives in: <see cref="GrainImpactFeed"/> (the impact index, in process)
/// or <see cref="HubImpactFeed"/> (the SignalR hub of a running cluster, what an operator sees).
/// </summary>
internal sealed class ImpactWatcher
{
    private readonly Lock _lock = new();
    private Expectation? _expectation;
    private long _changes;

    /// <summary>Every change received so far (including those the background load caused).</summary>
    public long Changes => Interlocked.Read(ref _changes);

    /// <summary>
    /// Starts waiting for every one of <paramref name="components"/> to change to a non-Ok status (<paramref name="toProblem"/>)
    /// or back to Ok; call it before the change is caused. The task gives each component's first such change.
    /// </summary>
    public Task<IReadOnlyDictionary<string, ObservedChange>> ExpectAsync(IReadOnlyCollection<string> components, bool toProblem)
    {
        var expectation = new Expectation([.. components], toProblem);
        lock (_lock) _expectation = expectation;
        return expectation.Done.Task;
    }

    /// <summary>What the current expectation has seen so far (after a time-out), and stops waiting.</summary>
    public IReadOnlyDictionary<string, ObservedChange> StopExpecting()
    {
        lock (_lock)
        {
            var seen = _expectation?.Seen.ToDictionary() ?? [];
            _expectation = null;
            return seen;
        }
    }

    /// <summary>Changes from a feed, oldest first.</summary>
    public void Observe(IReadOnlyCollection<ObservedChange> changes)
    {
        Interlocked.Add(ref _changes, changes.Count);
        lock (_lock)
        {
            if (_expectation is not { } expectation) return;
            foreach (var change in changes) expectation.See(change);
            Complete(expectation);
        }
    }

    /// <summary>
    /// A whole picture from a feed (a snapshot after connecting or falling behind): <paramref name="notOk"/> lists every
    /// component that is not Ok, so an expected component missing from it is Ok as of <paramref name="arrivedAt"/>.
    /// </summary>
    public void ObserveSnapshot(IReadOnlyCollection<ObservedChange> notOk, DateTimeOffset arrivedAt)
    {
        lock (_lock)
        {
            if (_expectation is not { } expectation) return;
            var listed = notOk.Select(c => c.Component).ToHashSet(StringComparer.Ordinal);
            foreach (var change in notOk) expectation.See(change);
            foreach (var component in expectation.Components.Where(c => !listed.Contains(c))) expectation.See(new ObservedChange(component, HealthStatus.Ok, null, arrivedAt));
            Complete(expectation);
        }
    }

    private void Complete(Expectation expectation)
    {
        if (expectation.Seen.Count < expectation.Components.Count) return;
        _expectation = null;
        expectation.Done.TrySetResult(expectation.Seen.ToDictionary());
    }

    private sealed record Expectation(HashSet<string> Components, bool ToProblem)
    {
        public Dictionary<string, ObservedChange> Seen { get; } = new(StringComparer.Ordinal);

        public TaskCompletionSource<IReadOnlyDictionary<string, ObservedChange>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Keeps the first change of each expected component the expected way (later ones only refine it).</summary>
        public void See(ObservedChange change)
        {
            if (Components.Contains(change.Component) && (change.Status != HealthStatus.Ok) == ToProblem) Seen.TryAdd(change.Component, change);
        }
    }
}
