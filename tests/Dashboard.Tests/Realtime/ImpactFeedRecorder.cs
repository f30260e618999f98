using System.Text.Json;
using ImpactMesh.Dashboard.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ImpactMesh.Dashboard.Tests.Realtime;

/// <summary>
/// A real SignalR client of <c>/hubs/impact</c> that records every message and keeps the statuses they describe, the way
/// the page does: a snapshot replaces everything, deltas numbered up to the snapshot's sequence are ignored.
/// </summary>
internal sealed class ImpactFeedRecorder : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<JsonElement> _snapshots = [];
    private readonly List<JsonElement> _deltas = [];
    private readonly Dictionary<string, JsonElement> _statuses = new(StringComparer.Ordinal);
    private long _sequence;

    private ImpactFeedRecorder(HubConnection connection)
    {
        Connection = connection;
        connection.On<JsonElement>("Snapshot", OnSnapshot);
        connection.On<JsonElement>("Deltas", OnDeltas);
    }

    public HubConnection Connection { get; }

    public IReadOnlyList<JsonElement> Snapshots
    {
        get
        {
            lock (_gate) return [.. _snapshots];
        }
    }

    public IReadOnlyList<JsonElement> Deltas
    {
        get
        {
            lock (_gate) return [.. _deltas];
        }
    }

    public static HubConnection Build(Uri server, string? apiKey) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(server, "/hubs/impact"), o =>
            {
                if (apiKey is not null) o.AccessTokenProvider = () => Task.FromResult<string?>(apiKey);
            })
            .AddJsonProtocol(o => ApiJson.Configure(o.PayloadSerializerOptions))
            .Build();

    public static async Task<ImpactFeedRecorder> ConnectAsync(Uri server, string apiKey, CancellationToken cancellationToken)
    {
        var recorder = new ImpactFeedRecorder(Build(server, apiKey));
        await recorder.Connection.StartAsync(cancellationToken);
        await recorder.WaitForAsync(r => r.Snapshots.Count > 0, "the snapshot on connect", cancellationToken);
        return recorder;
    }

    /// <summary>The status the client knows for a component ("ok" when it has none).</summary>
    public string StatusOf(string id)
    {
        lock (_gate) return _statuses.TryGetValue(id, out var s) ? s.GetProperty("status").GetString()! : "ok";
    }

    public JsonElement? DetailOf(string id)
    {
        lock (_gate) return _statuses.TryGetValue(id, out var s) ? s : null;
    }

    public async Task<JsonElement> InvokeSnapshotAsync(string method, object? argument, CancellationToken cancellationToken)
    {
        var snapshot = argument is null
            ? await Connection.InvokeAsync<JsonElement>(method, cancellationToken)
            : await Connection.InvokeAsync<JsonElement>(method, argument, cancellationToken);
        OnSnapshot(snapshot);
        return snapshot;
    }

    public async Task WaitForAsync(Func<ImpactFeedRecorder, bool> condition, string what, CancellationToken cancellationToken, double seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition(this))
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"timed out waiting for {what}");
            await Task.Delay(20, cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    private void OnSnapshot(JsonElement snapshot)
    {
        lock (_gate)
        {
            _snapshots.Add(snapshot.Clone());
            _statuses.Clear();
            foreach (var status in snapshot.GetProperty("statuses").EnumerateArray()) _statuses[status.GetProperty("id").GetString()!] = status.Clone();
            _sequence = snapshot.GetProperty("sequence").GetInt64();
        }
    }

    private void OnDeltas(JsonElement deltas)
    {
        lock (_gate)
        {
            _deltas.Add(deltas.Clone());
            var sequence = deltas.GetProperty("sequence").GetInt64();
            if (sequence <= _sequence) return;
            _sequence = sequence;
            foreach (var status in deltas.GetProperty("statuses").EnumerateArray()) _statuses[status.GetProperty("id").GetString()!] = status.Clone();
        }
    }
}
