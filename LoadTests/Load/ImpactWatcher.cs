using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Impact;

namespace ImpactMesh.LoadTests.Load;

/// <summary>
/// Subscribes to the impact index's batched changes (re-subscribing every minute) and tells a waiting injection when each
/// of the components it expects has changed: to a non-Ok status after a failure, back to Ok after the recovery. It keeps
/// each component's <see cref="ImpactChange.PublishedAt"/> (when that component was updated) and when the batch arrived here.
/// </summary>
internal sealed class ImpactWatcher(IGrainFactory grains, TimeProvider time) : IImpactObserver, IAsyncDisposable
{
    private readonly object _lock = new();
    private IImpactObserver? _reference;
    private Timer? _resubscribe;
    private Expectation? _expectation;
    private long _changes;

    /// <summary>Every change received so far (including those the background load caused).</summary>
    public long Changes => Interlocked.Read(ref _changes);

    public async Task StartAsync()
    {
        _reference = grains.CreateObjectReference<IImpactObserver>(this);
        var index = grains.GetGrain<IImpactIndexGrain>(IImpactIndexGrain.Key);
        await index.SubscribeAsync(_reference);
        _resubscribe = new Timer(_ => _ = index.SubscribeAsync(_reference), null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
    }

    /// <summary>
    /// Starts waiting for every one of <paramref name="components"/> to change to a non-Ok status (<paramref name="toProblem"/>)
    /// or back to Ok; call it before the change is caused. The task gives each component's update and arrival times.
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

    public Task OnImpactChangesAsync(ImmutableArray<ImpactChange> changes)
    {
        var arrived = time.GetUtcNow();
        Interlocked.Add(ref _changes, changes.Length);
        lock (_lock)
        {
            if (_expectation is not { } expectation) return Task.CompletedTask;
            foreach (var change in changes)
            {
                if (!expectation.Components.Contains(change.Component) || (change.New != HealthStatus.Ok) != expectation.ToProblem) continue;
                expectation.Seen[change.Component] = new ObservedChange(change.PublishedAt, arrived);
            }

            if (expectation.Seen.Count == expectation.Components.Count)
            {
                _expectation = null;
                expectation.Done.TrySetResult(expectation.Seen.ToDictionary());
            }
        }

        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_resubscribe is not null) await _resubscribe.DisposeAsync();
        if (_reference is null) return;
        await grains.GetGrain<IImpactIndexGrain>(IImpactIndexGrain.Key).UnsubscribeAsync(_reference);
        grains.DeleteObjectReference<IImpactObserver>(_reference);
    }

    private sealed record Expectation(HashSet<string> Components, bool ToProblem)
    {
        public Dictionary<string, ObservedChange> Seen { get; } = new(StringComparer.Ordinal);

        public TaskCompletionSource<IReadOnlyDictionary<string, ObservedChange>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
