using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.Interfaces.Topology;
using Microsoft.Extensions.Logging;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// The list of SLAs, the template catalogue and the statements of work. A document is read and validated whole
/// (<see cref="SlaDocumentReader"/>), then every SLA grain is asked whether it would accept its part; only when all
/// would is anything applied. On activation it wakes every SLA grain so Active SLAs evaluate their alerts.
/// </summary>
public sealed partial class SlaRegistryGrain(
    [PersistentState("slas", StorageNames.State)] IPersistentState<SlaRegistryState> state,
    ILogger<SlaRegistryGrain> logger) : Grain, ISlaRegistryGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.SlaIds.Count > 0)
        {
            this.RegisterGrainTimer(WakeAllAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan) { Interleave = true });
        }

        return Task.CompletedTask;
    }

    public Task<SlaUpdateResult> ApplyDocumentAsync(string document, DocumentFormat format, SlaActor actor)
    {
        var read = SlaDocumentReader.Read(document, format);
        return read.IsValid
            ? ApplyAsync(read.Slas, read.Templates, read.Statements, actor, null, i => $"slas[{i}]")
            : Task.FromResult(new SlaUpdateResult(false, false, read.Problems, [], []));
    }

    public Task<SlaUpdateResult> PutSlaAsync(string id, string document, DocumentFormat format, SlaActor actor, DateTimeOffset? effectiveFrom)
    {
        var read = SlaDocumentReader.ReadSingleSla(document, format);
        if (!read.IsValid) return Task.FromResult(new SlaUpdateResult(false, false, read.Problems, [], []));
        var sla = read.Slas[0];
        if (!string.Equals(sla.Id, id, StringComparison.Ordinal))
        {
            return Task.FromResult(SlaUpdateResult.Invalid(new DocumentProblem("id", $"must be '{id}', the id in the path, not '{sla.Id}'")));
        }

        return ApplyAsync([sla], [], [], actor, effectiveFrom, _ => "");
    }

    public Task<SlaUpdateResult> DraftFromStatementAsync(string statementId, string slaId, SlaActor actor)
    {
        var sow = state.State.Statements.FirstOrDefault(s => s.Id == statementId);
        if (sow is null) return Task.FromResult(SlaUpdateResult.Invalid(new DocumentProblem("statement", $"no statement of work '{statementId}'")));
        if (state.State.SlaIds.Contains(slaId)) return Task.FromResult(SlaUpdateResult.Invalid(new DocumentProblem("id", $"an SLA '{slaId}' exists already")));
        var draft = SlaTemplates.Apply(state.State.Templates, sow, slaId);
        if (draft is null) return Task.FromResult(SlaUpdateResult.Invalid(new DocumentProblem("template", $"the template '{sow.Template}' is not in the catalogue")));
        return ApplyAsync([draft], [], [], actor, null, _ => "");
    }

    public Task<ImmutableArray<string>> GetSlaIdsAsync() => Task.FromResult(state.State.SlaIds.ToImmutableArray());

    public async Task<ImmutableArray<SlaSummary>> GetSummariesAsync()
    {
        var summaries = await Task.WhenAll(state.State.SlaIds.Select(id => GrainFactory.GetGrain<ISlaGrain>(id).GetSummaryAsync()));
        return [.. summaries.OfType<SlaSummary>().OrderBy(s => s.Id, StringComparer.Ordinal)];
    }

    public Task<ImmutableArray<SlaTemplate>> GetTemplatesAsync() => Task.FromResult(state.State.Templates.ToImmutableArray());

    public Task<ImmutableArray<StatementOfWork>> GetStatementsAsync() => Task.FromResult(state.State.Statements.ToImmutableArray());

    private async Task<SlaUpdateResult> ApplyAsync(ImmutableArray<SlaDefinition> slas, ImmutableArray<SlaTemplate> templates,
        ImmutableArray<StatementOfWork> statements, SlaActor actor, DateTimeOffset? effectiveFrom, Func<int, string> slaPath)
    {
        var problems = new List<DocumentProblem>();
        var known = state.State.Templates.Select(t => t.Name).Concat(templates.Select(t => t.Name)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < statements.Length; i++)
        {
            if (!known.Contains(statements[i].Template))
            {
                problems.Add(new DocumentProblem($"statementsOfWork[{i}].template", $"the template '{statements[i].Template}' is not in the catalogue"));
            }
        }

        var forbidden = false;
        var checks = await Task.WhenAll(slas.Select(s => GrainFactory.GetGrain<ISlaGrain>(s.Id).CheckSaveAsync(s, actor, effectiveFrom)));
        for (var i = 0; i < checks.Length; i++)
        {
            if (checks[i].Applied) continue;
            forbidden |= checks[i].Forbidden;
            var prefix = slaPath(i);
            problems.AddRange(checks[i].Errors.Select(p => p with { Path = prefix.Length == 0 ? p.Path : p.Path.Length == 0 ? prefix : $"{prefix}.{p.Path}" }));
        }

        if (problems.Count > 0) return new SlaUpdateResult(false, forbidden, [.. problems], [], []);

        var created = ImmutableArray.CreateBuilder<string>();
        var changed = ImmutableArray.CreateBuilder<string>();
        foreach (var t in templates)
        {
            var index = state.State.Templates.FindIndex(x => x.Name == t.Name);
            if (index < 0) state.State.Templates.Add(t);
            else state.State.Templates[index] = t;
            (index < 0 ? created : changed).Add($"template {t.Name}");
        }

        foreach (var s in statements)
        {
            var index = state.State.Statements.FindIndex(x => x.Id == s.Id);
            if (index < 0) state.State.Statements.Add(s);
            else state.State.Statements[index] = s;
            (index < 0 ? created : changed).Add($"statement of work {s.Id}");
        }

        foreach (var s in slas.Where(s => !state.State.SlaIds.Contains(s.Id))) state.State.SlaIds.Add(s.Id);
        state.State.SlaIds.Sort(StringComparer.Ordinal);
        if (templates.Length > 0 || statements.Length > 0 || slas.Length > 0) await state.WriteStateAsync();

        foreach (var s in slas)
        {
            var result = await GrainFactory.GetGrain<ISlaGrain>(s.Id).SaveAsync(s, actor, effectiveFrom);
            if (!result.Applied)
            {
                // Only a change racing this one gets here: everything was checked a moment ago.
                problems.AddRange(result.Errors.Select(p => p with { Path = $"{s.Id}: {p.Path}" }));
                continue;
            }

            created.AddRange(result.Created);
            changed.AddRange(result.Changed);
        }

        LogApplied(logger, actor.Who, created.Count, changed.Count);
        return problems.Count > 0
            ? new SlaUpdateResult(false, false, [.. problems], created.ToImmutable(), changed.ToImmutable())
            : SlaUpdateResult.Done(created.ToImmutable(), changed.ToImmutable());
    }

    private async Task WakeAllAsync(CancellationToken cancellationToken)
    {
        foreach (var id in state.State.SlaIds)
        {
            try
            {
                await GrainFactory.GetGrain<ISlaGrain>(id).WakeAsync();
            }
            catch (Exception e)
            {
                LogWakeFailed(logger, id, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SLA document applied by {Who}: {Created} created, {Changed} changed")]
    private static partial void LogApplied(ILogger logger, string who, int created, int changed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not wake SLA {Sla}")]
    private static partial void LogWakeFailed(ILogger logger, string sla, Exception exception);
}
