using ImpactMesh.Grains.Interfaces;
using System.Collections.Immutable;
using System.Globalization;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.Interfaces.Topology;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// One SLA: its <see cref="SlaLifecycle"/> (versions, audit trail), persisted with its improvement items, reviews and alert
/// state. Figures are computed on demand from the covered services' status timelines and metric histories (data time),
/// so a backfilled month yields its report. While Active it evaluates its burn-rate alerts every
/// <see cref="EvaluationInterval"/>, opens improvement items for the period just closed, and publishes its standing on
/// the "sla" stream when it changes.
/// </summary>
public sealed partial class SlaGrain(
    [PersistentState("sla", StorageNames.State)] IPersistentState<SlaGrainState> state,
    [FromKeyedServices(ServiceKeys.Time)] TimeProvider time,
    ILogger<SlaGrain> logger) : Grain, ISlaGrain
{
    public static readonly TimeSpan EvaluationInterval = TimeSpan.FromMinutes(1);

    private SlaLifecycle? _lifecycle;
    private IAsyncStream<SlaSummary> _stream = null!;
    private IGrainTimer? _timer;
    private string? _published;

    private string Id => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Versions.Count > 0) _lifecycle = new SlaLifecycle(state.State.Versions, state.State.Audit);
        _stream = this.GetStreamProvider(StreamNames.Provider).GetStream<SlaSummary>(StreamNames.Sla(Id));
        UpdateTimer();
        return Task.CompletedTask;
    }

    public Task<SlaUpdateResult> CheckSaveAsync(SlaDefinition definition, SlaActor actor, DateTimeOffset? effectiveFrom) =>
        Task.FromResult(Check(definition, actor, effectiveFrom));

    public async Task<SlaUpdateResult> SaveAsync(SlaDefinition definition, SlaActor actor, DateTimeOffset? effectiveFrom)
    {
        var check = Check(definition, actor, effectiveFrom);
        if (!check.Applied) return check;
        var now = time.GetUtcNow();
        var terms = definition with { Id = Id };
        var created = _lifecycle is null;
        if (_lifecycle is null)
        {
            var lifecycle = new SlaLifecycle(terms, actor.Who, now);
            foreach (var step in PathTo(terms.State)) lifecycle.Transition(step, actor.Who, now);
            _lifecycle = lifecycle;
        }
        else if (_lifecycle.Amend(terms, actor.Who, now, effectiveFrom) is { } error)
        {
            return SlaUpdateResult.Invalid(new DocumentProblem("", error));
        }

        await PersistAsync();
        LogSaved(logger, Id, created ? "created" : "changed", _lifecycle.State, _lifecycle.Versions[^1].Number);
        await ChangedAsync();
        return created ? SlaUpdateResult.Done([Id], []) : SlaUpdateResult.Done([], [Id]);
    }

    public async Task<SlaDetails?> GetAsync()
    {
        if (_lifecycle is null) return null;
        var snapshot = await Topology().GetSnapshotAsync();
        return new SlaDetails(_lifecycle.Current, _lifecycle.Versions[^1].Number, [.. _lifecycle.Versions], [.. _lifecycle.Audit],
            [.. SlaScope.Resolve(_lifecycle.Current.Services, snapshot.Components)]);
    }

    public Task<string?> GetDocumentAsync() => Task.FromResult(_lifecycle is null ? null : SlaDocumentWriter.Write(_lifecycle.Current));

    public async Task<SlaUpdateResult> TransitionAsync(SlaState to, SlaActor actor, string? note, bool adoptProposedTargets)
    {
        if (_lifecycle is null) return SlaUpdateResult.Invalid(new DocumentProblem("", $"there is no SLA '{Id}'"));
        var from = _lifecycle.State;
        if (from == SlaState.Active && !actor.IsAdmin) return SlaUpdateResult.Refused("to", "changing the state of an Active SLA needs the admin role");
        if (!SlaLifecycle.CanMove(from, to)) return SlaUpdateResult.Invalid(new DocumentProblem("to", $"cannot move from {from} to {to}"));
        var now = time.GetUtcNow();
        if (adoptProposedTargets)
        {
            if (from != SlaState.Baselining || to != SlaState.Active)
            {
                return SlaUpdateResult.Invalid(new DocumentProblem("adoptProposedTargets", "only when moving from Baselining to Active"));
            }

            var baseline = await BaselineAsync(now);
            if (baseline is null || baseline.Measured.All(r => r.Achieved is null))
            {
                return SlaUpdateResult.Invalid(new DocumentProblem("adoptProposedTargets", "nothing was measured in the baseline window yet"));
            }

            _lifecycle.Amend(_lifecycle.Current with { Slos = baseline.Proposed }, actor.Who, now);
        }

        _lifecycle.Transition(to, actor.Who, now, note);
        await PersistAsync();
        LogTransition(logger, Id, from, to, actor.Who);
        UpdateTimer();
        await ChangedAsync();
        return SlaUpdateResult.Done([], [Id]);
    }

    public async Task<SlaSummary?> GetSummaryAsync() => _lifecycle is null ? null : await SummarizeAsync(time.GetUtcNow());

    public async Task<ImmutableArray<SlaAlert>> GetAlertsAsync() =>
        _lifecycle is null ? [] : (await SummarizeAsync(time.GetUtcNow())).Alerts;

    public async Task<SlaReportResult> GetReportAsync(string? period)
    {
        var (report, error) = await ReportAsync(period);
        return report is null ? new SlaReportResult(null, [], error) : new SlaReportResult(report, OpenItems(report.Period), null);
    }

    public async Task<SlaRenderedReport> RenderReportAsync(string? period, SlaReportFormat format)
    {
        var (report, error) = await ReportAsync(period);
        if (report is null) return new SlaRenderedReport(null, error);
        var open = OpenItems(report.Period);
        return new SlaRenderedReport(format == SlaReportFormat.Csv ? SlaReportRendering.Csv(report, open) : SlaReportRendering.Html(report, open), null);
    }

    public Task<SlaBaseline?> GetBaselineAsync() => BaselineAsync(time.GetUtcNow());

    public Task<ImmutableArray<ImprovementItem>> GetImprovementsAsync() => Task.FromResult(state.State.Improvements.ToImmutableArray());

    public async Task<ImprovementResult> UpdateImprovementAsync(string itemId, ImprovementUpdate update, SlaActor actor)
    {
        var items = state.State.Improvements;
        var index = items.FindIndex(i => i.Id == itemId);
        if (index < 0) return new ImprovementResult(null, true, []);
        if (update.Owner is { } owner && string.IsNullOrWhiteSpace(owner))
        {
            return new ImprovementResult(null, false, [new DocumentProblem("owner", "must not be empty")]);
        }

        var now = time.GetUtcNow();
        var item = items[index];
        var changes = new List<string>();
        if (update.Owner is not null && update.Owner != item.Owner) changes.Add($"owner: {item.Owner ?? "unassigned"} -> {update.Owner}");
        if (update.DueDate is { } due && due != item.DueDate) changes.Add(string.Create(CultureInfo.InvariantCulture, $"due: {item.DueDate:yyyy-MM-dd} -> {due:yyyy-MM-dd}"));
        if (update.Status is { } status && status != item.Status) changes.Add($"status: {item.Status} -> {status}");
        if (!string.IsNullOrWhiteSpace(update.Note)) changes.Add($"note: {update.Note.Trim()}");
        if (changes.Count == 0) return new ImprovementResult(item, false, []);

        var newStatus = update.Status ?? item.Status;
        items[index] = item with
        {
            Owner = update.Owner ?? item.Owner,
            DueDate = update.DueDate ?? item.DueDate,
            Status = newStatus,
            ClosedAt = newStatus == ImprovementStatus.Closed ? (item.Status == ImprovementStatus.Closed ? item.ClosedAt : now) : null,
            Notes = item.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"{now:yyyy-MM-ddTHH:mm:ssZ} {actor.Who}: {string.Join("; ", changes)}")),
        };
        await PersistAsync();
        await ChangedAsync();
        return new ImprovementResult(items[index], false, []);
    }

    public Task<ImmutableArray<ServiceReview>> GetReviewsAsync() => Task.FromResult(state.State.Reviews.ToImmutableArray());

    public async Task<ServiceReviewResult> AddReviewAsync(ServiceReviewRequest review, SlaActor actor)
    {
        if (_lifecycle is null) return new ServiceReviewResult(null, [new DocumentProblem("", $"there is no SLA '{Id}'")]);
        var now = time.GetUtcNow();
        var problems = new List<DocumentProblem>();
        var current = _lifecycle.Current;
        var zone = ZoneClock.Find(current.TimeZone) ?? TimeZoneInfo.Utc;
        var period = PeriodLabels.Find(review.Period, current.Period, zone, now);
        if (string.IsNullOrWhiteSpace(review.Period) || period is null)
        {
            problems.Add(new DocumentProblem("period", $"must name the period whose report was discussed ({PeriodLabels.Formats}), not '{review.Period}'"));
        }

        if (review.Date == default) problems.Add(new DocumentProblem("date", "is required (yyyy-MM-dd)"));
        var attendees = review.Attendees.IsDefault ? [] : review.Attendees;
        if (attendees.IsEmpty || attendees.Any(string.IsNullOrWhiteSpace)) problems.Add(new DocumentProblem("attendees", "name at least one attendee, none empty"));
        var decisions = review.Decisions.IsDefault ? [] : review.Decisions;
        var actions = review.Actions.IsDefault ? [] : review.Actions;
        for (var i = 0; i < actions.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(actions[i].Text)) problems.Add(new DocumentProblem($"actions[{i}].text", "is required"));
            if (actions[i].ImprovementItem is { } link && state.State.Improvements.All(it => it.Id != link))
            {
                problems.Add(new DocumentProblem($"actions[{i}].improvementItem", $"no improvement item '{link}' in this SLA"));
            }
        }

        if (problems.Count > 0) return new ServiceReviewResult(null, [.. problems]);

        var label = MeasurementPeriods.Label(current.Period, zone, period!);
        var recorded = new ServiceReview($"review-{state.State.Reviews.Count + 1}", review.Date, label, _lifecycle.VersionFor(period!).Number,
            attendees, decisions, actions, actor.Who, now);
        state.State.Reviews.Add(recorded);
        foreach (var action in actions.Where(a => a.ImprovementItem is not null))
        {
            var index = state.State.Improvements.FindIndex(it => it.Id == action.ImprovementItem);
            var item = state.State.Improvements[index];
            state.State.Improvements[index] = item with
            {
                Notes = item.Notes.Add(string.Create(CultureInfo.InvariantCulture, $"{now:yyyy-MM-ddTHH:mm:ssZ} {actor.Who}: action from {recorded.Id} ({review.Date:yyyy-MM-dd}): {action.Text}")),
            };
        }

        await PersistAsync();
        return new ServiceReviewResult(recorded, []);
    }

    public Task WakeAsync() => Task.CompletedTask;

    private SlaUpdateResult Check(SlaDefinition definition, SlaActor actor, DateTimeOffset? effectiveFrom)
    {
        if (!string.Equals(definition.Id, Id, StringComparison.Ordinal))
        {
            return SlaUpdateResult.Invalid(new DocumentProblem("id", $"must be '{Id}'"));
        }

        if (_lifecycle is null)
        {
            return definition.State == SlaState.Active && !actor.IsAdmin
                ? SlaUpdateResult.Refused("state", "creating an SLA that is Active at once needs the admin role")
                : SlaUpdateResult.Done([Id], []);
        }

        var current = _lifecycle.Versions[^1];
        switch (_lifecycle.State)
        {
            case SlaState.Retired:
                return SlaUpdateResult.Invalid(new DocumentProblem("", "a retired SLA cannot change"));
            case SlaState.Active when !actor.IsAdmin:
                return SlaUpdateResult.Refused("", "changes to an Active SLA need the admin role");
            case SlaState.Active when (effectiveFrom ?? time.GetUtcNow()) < current.EffectiveFrom:
                return SlaUpdateResult.Invalid(new DocumentProblem("effectiveFrom",
                    string.Create(CultureInfo.InvariantCulture, $"a new version cannot take effect before the version in force ({current.EffectiveFrom:yyyy-MM-ddTHH:mm:ssZ})")));
            default:
                return SlaUpdateResult.Done([], [Id]);
        }
    }

    /// <summary>The transitions from Draft to <paramref name="target"/>: the SLA a document describes arrives in the state it names.</summary>
    private static IEnumerable<SlaState> PathTo(SlaState target) => target switch
    {
        SlaState.Draft => [],
        SlaState.Negotiation => [SlaState.Negotiation],
        SlaState.Agreed => [SlaState.Negotiation, SlaState.Agreed],
        SlaState.Baselining => [SlaState.Negotiation, SlaState.Agreed, SlaState.Baselining],
        SlaState.Active => [SlaState.Negotiation, SlaState.Agreed, SlaState.Active],
        _ => [SlaState.Retired],
    };

    private async Task<(ServiceReport? Report, string? Error)> ReportAsync(string? label)
    {
        if (_lifecycle is null) return (null, $"there is no SLA '{Id}'");
        if (!_lifecycle.HasBeenActive) return (null, $"only Active SLAs produce compliance results; '{Id}' is {_lifecycle.State}");
        var now = time.GetUtcNow();
        var (period, version, zone, error) = SlaReports.Resolve(_lifecycle, label, now);
        if (period is null) return (null, error);
        var periods = SlaReports.Periods(version!, zone, period);
        var data = await LoadAsync(periods.Select(p => _lifecycle.VersionFor(p).Definition), periods[0].Start, period.End);
        var report = SlaReports.Build(_lifecycle, periods, data, now);
        if (period.End <= now) await OpenImprovementItemsAsync(report, zone, data, now);
        return (report, null);
    }

    private async Task OpenImprovementItemsAsync(ServiceReport report, TimeZoneInfo zone, MeasurementData data, DateTimeOffset now)
    {
        var version = _lifecycle!.VersionFor(report.Period).Definition;
        var label = MeasurementPeriods.Label(version.Period, zone, report.Period);
        var owner = SlaScope.Owner(data.Services(version), data.Components);
        var opened = false;
        foreach (var proposal in report.Improvements)
        {
            var id = $"{label}-{proposal.Slo}";
            if (state.State.Improvements.Any(i => i.Id == id)) continue;
            state.State.Improvements.Add(new ImprovementItem(id, proposal.Slo, label, proposal.Period, proposal.Outcome, proposal.Title,
                proposal.Description, proposal.RootCauses, owner, proposal.DueDate, ImprovementStatus.Open, now, null, []));
            LogItemOpened(logger, Id, id);
            opened = true;
        }

        if (opened) await PersistAsync();
    }

    private ImmutableArray<ImprovementItem> OpenItems(TimeInterval period) =>
        [.. state.State.Improvements.Where(i => i.Status != ImprovementStatus.Closed && i.Interval.Start <= period.Start)];

    private async Task<SlaBaseline?> BaselineAsync(DateTimeOffset now)
    {
        if (_lifecycle?.BaselineWindow() is not { } window) return null;
        var sla = _lifecycle.Current;
        var data = await LoadAsync([sla], window.Start, window.End);
        var (timelines, metrics, percent) = data.For(sla);
        var measured = new SlaMeasurement(sla).Measure(window, now < window.End ? now : window.End, timelines, metrics, percent);
        return new SlaBaseline(window, now >= window.End, measured, TargetProposer.Apply(sla, measured).Slos);
    }

    private async Task<SlaSummary> SummarizeAsync(DateTimeOffset now)
    {
        var lifecycle = _lifecycle!;
        var current = lifecycle.Current;
        var number = lifecycle.Versions[^1].Number;
        var open = state.State.Improvements.Count(i => i.Status != ImprovementStatus.Closed);
        if (lifecycle.State != SlaState.Active)
        {
            if (state.State.AlertsSince.Count > 0)
            {
                state.State.AlertsSince.Clear();
                await PersistAsync();
            }

            return new SlaSummary(Id, current.Name, current.Customer, current.State, number, null, [], [], open, now);
        }

        var sla = lifecycle.VersionAt(now).Definition;
        var measurement = new SlaMeasurement(sla);
        var period = measurement.PeriodContaining(now);
        var lookback = now - SlaAlerts.Lookback(sla);
        var data = await LoadAsync([sla], lookback < period.Start ? lookback : period.Start, now);
        var (timelines, metrics, percent) = data.For(sla);
        var results = measurement.Measure(period, now, timelines, metrics, percent);
        ImmutableArray<SloStanding> standing = [.. results.Where(r => r.Service is null)
            .Select(r => new SloStanding(r.Slo, r.Kind, r.Achieved, r.Target, r.Unit, r.Outcome, r.Budget))];

        var before = state.State.AlertsSince.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        var alerts = SlaAlerts.Evaluate(sla, timelines, now, state.State.AlertsSince);
        if (!before.SequenceEqual(state.State.AlertsSince.OrderBy(p => p.Key, StringComparer.Ordinal))) await PersistAsync();

        return new SlaSummary(Id, current.Name, current.Customer, current.State, number,
            MeasurementPeriods.Label(sla.Period, measurement.Calendar.Zone, period), standing, alerts, open, now);
    }

    private async Task<MeasurementData> LoadAsync(IEnumerable<SlaDefinition> versions, DateTimeOffset from, DateTimeOffset to)
    {
        var snapshot = await Topology().GetSnapshotAsync();
        var slas = versions.ToList();
        var services = slas.SelectMany(s => SlaScope.Resolve(s.Services, snapshot.Components)).Distinct(StringComparer.Ordinal).ToArray();
        var metricNames = slas.SelectMany(s => s.Slos).Select(s => s.Metric).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();

        var timelineTasks = services.Select(s => GrainReferences.Get<IComponentGrain>(GrainFactory, s).GetTimelineAsync(from, to)).ToArray();
        var historyTasks = metricNames.Length == 0 ? [] : services.Select(s => MetricHistory.ReadAsync(GrainFactory, s, from, to)).ToArray();
        var timelines = await Task.WhenAll(timelineTasks);
        var histories = await Task.WhenAll(historyTasks);

        var timelineMap = new Dictionary<string, IReadOnlyList<StatusChange>>(StringComparer.Ordinal);
        for (var i = 0; i < services.Length; i++) timelineMap[services[i]] = timelines[i];
        var metricMap = new Dictionary<(string Service, string Metric), IReadOnlyList<MetricBucket>>();
        for (var i = 0; i < histories.Length; i++)
        {
            foreach (var metric in metricNames)
            {
                if (histories[i].TryGetValue(metric, out var buckets) && buckets.Length > 0) metricMap[(services[i], metric)] = buckets;
            }
        }

        return new MeasurementData(snapshot.Components, timelineMap, metricMap);
    }

    private async Task ChangedAsync()
    {
        UpdateTimer();
        if (_lifecycle is null) return;
        try
        {
            await PublishIfChangedAsync(await SummarizeAsync(time.GetUtcNow()));
        }
        catch (Exception e)
        {
            LogEvaluationFailed(logger, Id, e);
        }
    }

    private void UpdateTimer()
    {
        var active = _lifecycle?.State == SlaState.Active;
        if (active && _timer is null)
        {
            _timer = this.RegisterGrainTimer(EvaluateAsync, new GrainTimerCreationOptions(EvaluationInterval, EvaluationInterval) { Interleave = false });
        }
        else if (!active && _timer is not null)
        {
            _timer.Dispose();
            _timer = null;
        }
    }

    private async Task EvaluateAsync(CancellationToken cancellationToken)
    {
        if (_lifecycle?.State != SlaState.Active) return;
        try
        {
            var now = time.GetUtcNow();
            var sla = _lifecycle.VersionAt(now).Definition;
            var zone = ZoneClock.Find(sla.TimeZone) ?? TimeZoneInfo.Utc;
            var closed = MeasurementPeriods.Previous(sla.Period, zone, MeasurementPeriods.Containing(sla.Period, zone, now));
            if (state.State.LastClosedPeriodChecked != closed.Start && closed.End > _lifecycle.Versions[0].EffectiveFrom)
            {
                await ReportAsync(MeasurementPeriods.Label(sla.Period, zone, closed));
                state.State.LastClosedPeriodChecked = closed.Start;
                await PersistAsync();
            }

            await PublishIfChangedAsync(await SummarizeAsync(now));
        }
        catch (Exception e)
        {
            LogEvaluationFailed(logger, Id, e);
        }
    }

    /// <summary>Publishes the summary when what a watcher acts on changed: state, version, outcomes, firing alerts, open items.</summary>
    private async Task PublishIfChangedAsync(SlaSummary summary)
    {
        var fingerprint = string.Join("|", summary.State, summary.Version, summary.Period, summary.OpenImprovements,
            string.Join(",", summary.Standing.Select(s => $"{s.Slo}={s.Outcome}")),
            string.Join(",", summary.Alerts.Select(a => $"{a.Slo}/{a.Window.Long}/{a.Window.Short}")));
        if (fingerprint == _published) return;
        try
        {
            await _stream.OnNextAsync(summary);
            _published = fingerprint;
        }
        catch (Exception e)
        {
            LogPublishFailed(logger, Id, e);
        }
    }

    private async Task PersistAsync()
    {
        if (_lifecycle is not null)
        {
            state.State.Versions = [.. _lifecycle.Versions];
            state.State.Audit = [.. _lifecycle.Audit];
        }

        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception e)
        {
            LogPersistFailed(logger, Id, e);
            await state.ReadStateAsync();
            _lifecycle = state.State.Versions.Count > 0 ? new SlaLifecycle(state.State.Versions, state.State.Audit) : null;
            throw;
        }
    }

    private ITopologyGrain Topology() => GrainFactory.GetGrain<ITopologyGrain>(ITopologyGrain.Key);

    [LoggerMessage(Level = LogLevel.Information, Message = "SLA {Sla} {What}: {State}, version {Version}")]
    private static partial void LogSaved(ILogger logger, string sla, string what, SlaState state, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "SLA {Sla} moved from {From} to {To} by {Who}")]
    private static partial void LogTransition(ILogger logger, string sla, SlaState from, SlaState to, string who);

    [LoggerMessage(Level = LogLevel.Information, Message = "SLA {Sla} opened improvement item {Item}")]
    private static partial void LogItemOpened(ILogger logger, string sla, string item);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SLA {Sla} could not evaluate its standing")]
    private static partial void LogEvaluationFailed(ILogger logger, string sla, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SLA {Sla} could not publish its standing")]
    private static partial void LogPublishFailed(ILogger logger, string sla, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "SLA {Sla} could not persist its state; the change was rolled back")]
    private static partial void LogPersistFailed(ILogger logger, string sla, Exception exception);
}
