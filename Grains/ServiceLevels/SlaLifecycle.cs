using System.Collections.Immutable;
using System.Text.Json;
using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// The lifecycle, versions and audit trail of one SLA. States move Draft -> Negotiation -> Agreed -> (Baselining ->) Active
/// -> Retired; Negotiation may go back to Draft and anything not yet Active may be retired (abandoned). Changes before
/// activation amend the current version in place; a change to an Active SLA creates a new version in force from the time
/// given. Every step is audited with who, when and which fields changed. A report for a period uses <see cref="VersionAt"/>.
/// </summary>
internal sealed class SlaLifecycle
{
    private static readonly Dictionary<SlaState, SlaState[]> Allowed = new()
    {
        [SlaState.Draft] = [SlaState.Negotiation, SlaState.Retired],
        [SlaState.Negotiation] = [SlaState.Draft, SlaState.Agreed, SlaState.Retired],
        [SlaState.Agreed] = [SlaState.Baselining, SlaState.Active, SlaState.Retired],
        [SlaState.Baselining] = [SlaState.Active, SlaState.Retired],
        [SlaState.Active] = [SlaState.Retired],
        [SlaState.Retired] = [],
    };

    private readonly List<SlaVersion> _versions;
    private readonly List<SlaAuditEntry> _audit;
    private bool _activated;

    public SlaLifecycle(SlaDefinition draft, string who, DateTimeOffset at)
    {
        var first = draft with { State = SlaState.Draft };
        _versions = [new SlaVersion(1, at, first)];
        _audit = [new SlaAuditEntry(at, who, "created", 1, [$"state: {SlaState.Draft}"])];
    }

    /// <summary>Restores a lifecycle from stored versions and audit trail.</summary>
    public SlaLifecycle(IEnumerable<SlaVersion> versions, IEnumerable<SlaAuditEntry> audit)
    {
        _versions = [.. versions.OrderBy(v => v.Number)];
        _audit = [.. audit];
        if (_versions.Count == 0) throw new ArgumentException("an SLA has at least one version", nameof(versions));
        _activated = _versions.Count > 1 || _versions[0].Definition.State is SlaState.Active or SlaState.Retired;
    }

    public SlaDefinition Current => _versions[^1].Definition;

    public SlaState State => Current.State;

    public IReadOnlyList<SlaVersion> Versions => _versions;

    public IReadOnlyList<SlaAuditEntry> Audit => _audit;

    /// <summary>Active now or at some time (the audit trail records the move): only such an SLA has compliance results.</summary>
    public bool HasBeenActive =>
        State == SlaState.Active || _audit.Any(a => a.Action == "state" && a.Changes.Any(c => c.EndsWith($"-> {SlaState.Active}", StringComparison.Ordinal)));

    public static bool CanMove(SlaState from, SlaState to) => Allowed[from].Contains(to);

    /// <summary>Moves to <paramref name="to"/>; returns an error message (and changes nothing) when the move is not allowed.</summary>
    public string? Transition(SlaState to, string who, DateTimeOffset at, string? note = null)
    {
        var from = State;
        if (!CanMove(from, to)) return $"cannot move from {from} to {to}";
        var current = _versions[^1];
        var effective = to == SlaState.Active && !_activated ? at : current.EffectiveFrom;
        if (to == SlaState.Active) _activated = true;
        _versions[^1] = current with { EffectiveFrom = effective, Definition = current.Definition with { State = to } };
        ImmutableArray<string> changes = note is null ? [$"state: {from} -> {to}"] : [$"state: {from} -> {to}", $"note: {note}"];
        _audit.Add(new SlaAuditEntry(at, who, "state", current.Number, changes));
        return null;
    }

    /// <summary>
    /// Changes the terms (the state is kept). Active: a new version in force from <paramref name="effectiveFrom"/>
    /// (default <paramref name="at"/>); before activation: the current version in place. Retired SLAs cannot change.
    /// </summary>
    public string? Amend(SlaDefinition changed, string who, DateTimeOffset at, DateTimeOffset? effectiveFrom = null)
    {
        if (State == SlaState.Retired) return "a retired SLA cannot change";
        var current = _versions[^1];
        var next = changed with { Id = current.Definition.Id, State = current.Definition.State };
        var changes = Diff(current.Definition, next);
        if (changes.IsEmpty) return null;
        if (State == SlaState.Active)
        {
            var from = effectiveFrom ?? at;
            if (from < current.EffectiveFrom) return "a new version cannot take effect before the version in force";
            _versions.Add(new SlaVersion(current.Number + 1, from, next));
            _audit.Add(new SlaAuditEntry(at, who, "new version", current.Number + 1, changes));
        }
        else
        {
            _versions[^1] = current with { Definition = next };
            _audit.Add(new SlaAuditEntry(at, who, "amended", current.Number, changes));
        }

        return null;
    }

    /// <summary>
    /// The baselining window: from the (last) move to Baselining for <see cref="SlaDefinition.BaselineDays"/> days, or null
    /// when the SLA never entered Baselining. Measure it, then propose targets with <see cref="TargetProposer.Apply"/>.
    /// </summary>
    public TimeInterval? BaselineWindow()
    {
        var entry = _audit.LastOrDefault(a => a.Action == "state" && a.Changes.Any(c => c.EndsWith($"-> {SlaState.Baselining}", StringComparison.Ordinal)));
        return entry is null ? null : new TimeInterval(entry.At, entry.At.AddDays(Math.Max(1, Current.BaselineDays)));
    }

    /// <summary>
    /// The version a period's report uses: the one in force when the period starts, so a version taking effect during a
    /// period applies from the next period on and a period is never measured against two sets of terms.
    /// </summary>
    public SlaVersion VersionFor(TimeInterval period) => VersionAt(period.Start);

    /// <summary>The version in force at <paramref name="instant"/> (the first one before any took effect).</summary>
    public SlaVersion VersionAt(DateTimeOffset instant) => _versions.LastOrDefault(v => v.EffectiveFrom <= instant) ?? _versions[0];

    /// <summary>"field: old -> new" for every top-level field that differs (long values are only named).</summary>
    public static ImmutableArray<string> Diff(SlaDefinition before, SlaDefinition after)
    {
        var changes = ImmutableArray.CreateBuilder<string>();
        foreach (var p in typeof(SlaDefinition).GetProperties())
        {
            var a = JsonSerializer.Serialize(p.GetValue(before));
            var b = JsonSerializer.Serialize(p.GetValue(after));
            if (a == b) continue;
            var name = JsonNamingPolicy.CamelCase.ConvertName(p.Name);
            changes.Add(a.Length + b.Length <= 120 ? $"{name}: {a} -> {b}" : $"{name} changed");
        }

        return changes.ToImmutable();
    }
}
