using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace ImpactMesh.LoadTests.Realtime;

/// <summary>
/// A real SignalR client of <c>/hubs/impact</c>, as a browser uses it: it applies the snapshot and the deltas (ignoring
/// deltas not newer than the snapshot) and remembers, for each component, whether its last status is a problem (not Ok)
/// and when that last changed (the arrival of the message, a <see cref="Stopwatch"/> timestamp), plus every message's size.
/// </summary>
internal sealed class HubFeedClient : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(2);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Known> _known = new(StringComparer.Ordinal);
    private readonly List<DeltaMessage> _messages = [];
    private readonly HubConnection _connection;
    private readonly TaskCompletionSource _snapshot = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _sequence;

    private HubFeedClient(HubConnection connection)
    {
        _connection = connection;
        connection.On<JsonElement>("Snapshot", OnSnapshot);
        connection.On<JsonElement>("Deltas", OnDeltas);
    }

    public static async Task<HubFeedClient> ConnectAsync(Uri server, string key, TimeSpan timeout)
    {
        var client = new HubFeedClient(new HubConnectionBuilder()
            .WithUrl(new Uri(server, "/hubs/impact"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(key))
            .Build());
        await client._connection.StartAsync();
        await client._snapshot.Task.WaitAsync(timeout);
        return client;
    }

    public IReadOnlyList<DeltaMessage> Messages
    {
        get
        {
            lock (_gate) return [.. _messages];
        }
    }

    /// <summary>
    /// Waits until every one of <paramref name="components"/> has changed to a problem (<paramref name="toProblem"/>) or
    /// back to Ok at or after <paramref name="since"/>; the arrival of the last of them, or null after <paramref name="timeout"/>.
    /// </summary>
    public async Task<long?> WaitForAsync(IReadOnlyCollection<string> components, bool toProblem, long since, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            if (LastChange(components, toProblem, since) is { } last) return last;
            if (Stopwatch.GetTimestamp() > deadline) return null;
            await Task.Delay(PollInterval);
        }
    }

    /// <summary>When each of <paramref name="components"/> that has changed to a problem (or back to Ok) at or after <paramref name="since"/> did so.</summary>
    public IReadOnlyList<long> ChangedSince(IReadOnlyCollection<string> components, bool toProblem, long since)
    {
        lock (_gate)
        {
            return [.. components.Select(id => _known.GetValueOrDefault(id)).Where(k => k.Problem == toProblem && k.ChangedAt >= since && k.ChangedAt > 0).Select(k => k.ChangedAt)];
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private long? LastChange(IReadOnlyCollection<string> components, bool toProblem, long since)
    {
        var last = since;
        lock (_gate)
        {
            foreach (var id in components)
            {
                if (!_known.TryGetValue(id, out var known) || known.Problem != toProblem || known.ChangedAt < since) return null;
                last = Math.Max(last, known.ChangedAt);
            }
        }

        return last;
    }

    private void OnSnapshot(JsonElement snapshot)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_gate)
        {
            _sequence = snapshot.GetProperty("sequence").GetInt64();
            _known.Clear();
            foreach (var status in snapshot.GetProperty("statuses").EnumerateArray()) Apply(status, now);
        }

        _snapshot.TrySetResult();
    }

    private void OnDeltas(JsonElement deltas)
    {
        var now = Stopwatch.GetTimestamp();
        var bytes = Encoding.UTF8.GetByteCount(deltas.GetRawText());
        lock (_gate)
        {
            var statuses = deltas.GetProperty("statuses");
            _messages.Add(new DeltaMessage(now, statuses.GetArrayLength(), bytes));
            var sequence = deltas.GetProperty("sequence").GetInt64();
            if (sequence <= _sequence) return;
            _sequence = sequence;
            foreach (var status in statuses.EnumerateArray()) Apply(status, now);
        }
    }

    private void Apply(JsonElement status, long now)
    {
        var id = status.GetProperty("id").GetString()!;
        var problem = status.GetProperty("status").GetString() != "ok";
        var known = _known.GetValueOrDefault(id);
        if (known.Problem != problem) _known[id] = new Known(problem, now);
    }

    private readonly record struct Known(bool Problem, long ChangedAt);
}
