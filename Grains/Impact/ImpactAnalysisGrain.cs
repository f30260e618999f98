using System.Collections.Immutable;
using System.Diagnostics;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Impact;
using ImpactMesh.Grains.Interfaces.Topology;
using Orleans.Concurrency;

namespace ImpactMesh.Grains.Impact;

/// <summary>
/// Answers what-if questions with an <see cref="ImpactEvaluator"/> on the compiled graph (kept per topology version)
/// and the live own statuses from the impact index. Nothing live is touched. A stateless worker: one per silo core.
/// </summary>
[StatelessWorker]
public sealed class ImpactAnalysisGrain : Grain, IImpactAnalysisGrain
{
    private ImpactGraph? _graph;
    private long _version = -1;

    public async Task<WhatIfResult> WhatIfAsync(ImmutableDictionary<string, HealthStatus> assume)
    {
        var evaluator = await EvaluatorAsync();
        ImmutableArray<string> unknown = [.. assume.Keys.Where(id => evaluator.Graph.IndexOf(id) < 0).Order(StringComparer.Ordinal)];
        if (!unknown.IsEmpty) return new WhatIfResult([], _version, 0, unknown);
        var own = await Index.GetOwnStatusesAsync();
        var clock = Stopwatch.StartNew();
        var changes = evaluator.WhatIf(own.NotOk, assume, own.InMaintenance);
        return new WhatIfResult([.. changes], _version, clock.Elapsed.TotalMilliseconds, []);
    }

    public async Task<ImmutableArray<SinglePointOfFailure>> SinglePointsOfFailureAsync(string serviceId) =>
        [.. (await EvaluatorAsync()).SinglePointsOfFailure(serviceId)];

    public async Task<ImmutableArray<BlastRadius>> RankRootCausesAsync()
    {
        var evaluator = await EvaluatorAsync();
        var own = await Index.GetOwnStatusesAsync();
        return [.. evaluator.RankBlastRadius(evaluator.Evaluate(own.NotOk, own.InMaintenance))];
    }

    private IImpactIndexGrain Index => GrainFactory.GetGrain<IImpactIndexGrain>(IImpactIndexGrain.Key);

    private async Task<ImpactEvaluator> EvaluatorAsync()
    {
        var topology = GrainFactory.GetGrain<ITopologyGrain>(ITopologyGrain.Key);
        if (_graph is null || await topology.GetVersionAsync() != _version)
        {
            var snapshot = await topology.GetSnapshotAsync();
            _graph = ImpactGraph.Compile(snapshot.Components);
            _version = snapshot.Version;
        }

        return new ImpactEvaluator(_graph);
    }
}
