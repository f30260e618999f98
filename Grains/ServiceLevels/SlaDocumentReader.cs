using ImpactMesh.Grains.Documents;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.ServiceLevels;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// Reads and validates an SLA document (JSON or YAML, same structure, camelCase fields) with top-level lists
/// <c>slas</c>, <c>templates</c> and <c>statementsOfWork</c>. Every problem is reported with its path
/// (e.g. <c>slas[0].slos[1].target: must be between 0 and 100</c>); malformed text is reported with its line.
/// A document with any problem yields nothing (nothing half-applied).
/// </summary>
internal sealed partial class SlaDocumentReader
{
    private static readonly string[] TermFields =
        ["timeZone", "period", "rollingDays", "serviceHours", "maintenance", "slos", "credits", "burnRateAlerts", "specialTerms", "baselineDays"];

    private static readonly string[] SlaFields = ["id", "name", "customer", "template", "state", "services", "fee", .. TermFields];
    private static readonly string[] TemplateFields = ["name", "description", .. TermFields];
    private static readonly string[] StatementFields = ["id", "customer", "template", "services", "serviceHours", "timeZone", "specialTerms", "fee"];

    private readonly List<DocumentProblem> _problems = [];

    private SlaDocumentReader()
    {
    }

    public static SlaDocument Read(string text, DocumentFormat format) => Parse(text, format, (r, root) => r.ReadRoot(root));

    /// <summary>Reads a document holding one SLA object (the fields of an entry of <c>slas</c>, paths without a prefix).</summary>
    public static SlaDocument ReadSingleSla(string text, DocumentFormat format) => Parse(text, format, (r, root) => r.ReadSingle(root));

    private static SlaDocument Parse(string text, DocumentFormat format, Func<SlaDocumentReader, JsonElement, SlaDocument> read)
    {
        var problems = new DocumentProblems();
        var json = DocumentParser.Parse(text, format, problems);
        if (json is null) return SlaDocument.Rejected(problems.ToImmutable());

        using (json)
        {
            return read(new SlaDocumentReader(), json.RootElement);
        }
    }

    private SlaDocument ReadSingle(JsonElement root)
    {
        var sla = ReadSla(root, "");
        if (_problems.Count > 0 || sla is null) return SlaDocument.Rejected(_problems);
        return new SlaDocument([sla], [], [], []);
    }

    private SlaDocument ReadRoot(JsonElement root)
    {
        if (!IsObject(root, "", ["slas", "templates", "statementsOfWork"])) return SlaDocument.Rejected(_problems);
        var slas = List(root, "slas", "", false, (e, p) => ReadSla(e, p));
        var templates = List(root, "templates", "", false, ReadTemplate);
        var statements = List(root, "statementsOfWork", "", false, ReadStatement);
        if (slas is null && templates is null && statements is null && _problems.Count == 0)
        {
            Problem("", "the document holds no slas, templates or statementsOfWork");
        }

        Unique(root, "slas", "id");
        Unique(root, "templates", "name");
        Unique(root, "statementsOfWork", "id");
        if (_problems.Count > 0) return SlaDocument.Rejected(_problems);
        return new SlaDocument([.. slas ?? []], [.. templates ?? []], [.. statements ?? []], []);
    }

    private SlaDefinition? ReadSla(JsonElement e, string path) => ReadTerms(e, path, SlaFields, template: false);

    private SlaTemplate? ReadTemplate(JsonElement e, string path)
    {
        if (!IsObject(e, path, TemplateFields)) return null;
        var name = Text(e, "name", path, true);
        var description = Text(e, "description", path, false) ?? "";
        var terms = ReadTerms(e, path, TemplateFields, template: true);
        return name is null || terms is null ? null : new SlaTemplate(name, description, terms with { Id = "", Name = name });
    }

    private StatementOfWork? ReadStatement(JsonElement e, string path)
    {
        if (!IsObject(e, path, StatementFields)) return null;
        var id = Text(e, "id", path, true);
        var customer = Text(e, "customer", path, true);
        var template = Text(e, "template", path, true);
        var services = ReadServices(e, path, true);
        var zoneId = Text(e, "timeZone", path, false);
        var zone = zoneId is null ? null : Zone(zoneId, Join(path, "timeZone"));
        var hours = Has(e, "serviceHours") ? ReadServiceHours(e.GetProperty("serviceHours"), Join(path, "serviceHours")) : null;
        var terms = Strings(e, "specialTerms", path);
        var fee = Has(e, "fee") ? ReadFee(e.GetProperty("fee"), Join(path, "fee")) : Missing<Fee>(path, "fee");
        if (id is null || customer is null || template is null || services is null || fee is null || (zoneId is not null && zone is null)) return null;
        return new StatementOfWork(id, customer, template, services, hours, zoneId, terms, fee);
    }

    private SlaDefinition? ReadTerms(JsonElement e, string path, string[] fields, bool template)
    {
        // A template's fields were checked by ReadTemplate already.
        if (!IsObject(e, path, template ? null : fields)) return null;
        var before = _problems.Count;
        string? id = "", name = "", customer = "", templateName = null;
        var state = SlaState.Draft;
        ServiceSelector? services = new([], ImmutableSortedDictionary<string, string>.Empty);
        Fee? fee = null;
        if (!template)
        {
            id = Text(e, "id", path, true);
            name = Text(e, "name", path, false) ?? id;
            customer = Text(e, "customer", path, true);
            templateName = Text(e, "template", path, false);
            state = Choice(e, "state", path, SlaState.Draft);
            services = ReadServices(e, path, true);
            fee = Has(e, "fee") ? ReadFee(e.GetProperty("fee"), Join(path, "fee")) : null;
        }

        var zoneId = Text(e, "timeZone", path, !template) ?? "UTC";
        var zone = Zone(zoneId, Join(path, "timeZone"));
        var period = Choice(e, "period", path, PeriodKind.Month);
        var rollingDays = Integer(e, "rollingDays", path, period == PeriodKind.Rolling, 1, 366);
        if (period != PeriodKind.Rolling && Has(e, "rollingDays")) Problem(Join(path, "rollingDays"), "only for period 'rolling'");
        var hours = Has(e, "serviceHours") ? ReadServiceHours(e.GetProperty("serviceHours"), Join(path, "serviceHours")) : ServiceHours.AlwaysOn;
        var absolute = new List<TimeInterval>();
        var recurring = new List<ServiceWindow>();
        List(e, "maintenance", path, false, (m, p) => ReadMaintenance(m, p, zone, absolute, recurring));
        var slos = List(e, "slos", path, true, ReadSlo);
        if (RawCount(e, "slos") == 0) Problem(Join(path, "slos"), "at least one objective is required");
        if (slos is not null) Unique(slos, s => s.Name, Join(path, "slos"), "name");
        // Credits name an objective: check them only against a fully read list, or a broken objective would be reported twice.
        var credits = Has(e, "credits") && slos is not null && slos.Count == RawCount(e, "slos") ? ReadCredits(e.GetProperty("credits"), Join(path, "credits"), slos) : null;
        if (Has(e, "credits") && !template && fee is null) Problem(Join(path, "fee"), "is required when the SLA has credits");
        var alerts = Has(e, "burnRateAlerts") ? List(e, "burnRateAlerts", path, false, ReadBurnRate) : [.. BurnRateEvaluator.Defaults];
        var terms = Strings(e, "specialTerms", path);
        var baselineDays = Integer(e, "baselineDays", path, false, 1, 366) ?? 30;

        if (_problems.Count > before || id is null || customer is null || services is null || slos is null || alerts is null) return null;
        return new SlaDefinition(id, name ?? id, customer, templateName, state, services, zoneId,
            new MeasurementPeriod(period, period == PeriodKind.Rolling ? rollingDays ?? 0 : 0), hours ?? ServiceHours.AlwaysOn,
            [.. absolute], [.. recurring], [.. slos], credits, fee, [.. alerts], terms, baselineDays);
    }

    private ServiceSelector? ReadServices(JsonElement e, string path, bool required)
    {
        var p = Join(path, "services");
        if (!Has(e, "services"))
        {
            if (required) Problem(p, "is required");
            return null;
        }

        var s = e.GetProperty("services");
        ImmutableArray<string> ids = [];
        var tags = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);
        if (s.ValueKind == JsonValueKind.Array)
        {
            ids = Strings(e, "services", path);
        }
        else if (IsObject(s, p, ["ids", "tags"]))
        {
            ids = Strings(s, "ids", p);
            if (Has(s, "tags") && IsObject(s.GetProperty("tags"), Join(p, "tags"), null))
            {
                foreach (var t in s.GetProperty("tags").EnumerateObject())
                {
                    if (t.Value.ValueKind == JsonValueKind.String) tags = tags.SetItem(t.Name, t.Value.GetString()!);
                    else Problem(Join(Join(p, "tags"), t.Name), "must be a string");
                }
            }
        }
        else
        {
            return null;
        }

        if (ids.IsEmpty && tags.IsEmpty) Problem(p, "name at least one service id or tag");
        return new ServiceSelector(ids, tags);
    }

    private ServiceHours? ReadServiceHours(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.String)
        {
            if (string.Equals(e.GetString(), "24x7", StringComparison.OrdinalIgnoreCase)) return ServiceHours.AlwaysOn;
            Problem(path, $"must be '24x7' or an object with windows (or days, from, to) and holidays, not '{e.GetString()}'");
            return null;
        }

        if (!IsObject(e, path, ["windows", "days", "from", "to", "holidays"])) return null;
        var windows = new List<ServiceWindow>();
        if (Has(e, "windows"))
        {
            if (Has(e, "days") || Has(e, "from") || Has(e, "to")) Problem(path, "give either windows or days/from/to, not both");
            windows = List(e, "windows", path, true, (w, p) => IsObject(w, p, ["days", "from", "to"]) ? ReadWindow(w, p) : null) ?? [];
            if (RawCount(e, "windows") == 0) Problem(Join(path, "windows"), "at least one window is required (or use '24x7')");
        }
        else if (ReadWindow(e, path) is { } single)
        {
            windows.Add(single);
        }

        var holidays = ImmutableArray.CreateBuilder<DateOnly>();
        List(e, "holidays", path, false, (h, p) =>
        {
            if (h.ValueKind == JsonValueKind.String && DateOnly.TryParseExact(h.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) holidays.Add(d);
            else Problem(p, $"must be a date yyyy-MM-dd, not {Show(h)}");
            return (object?)null;
        });
        return new ServiceHours(false, [.. windows], holidays.ToImmutable());
    }

    private ServiceWindow? ReadWindow(JsonElement e, string path)
    {
        var days = new List<DayOfWeek>();
        var list = List(e, "days", path, true, (d, p) =>
        {
            var name = d.ValueKind == JsonValueKind.String ? d.GetString()!.Trim().ToLowerInvariant() : null;
            switch (name)
            {
                case "weekdays":
                    days.AddRange([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);
                    break;
                case "weekend":
                    days.AddRange([DayOfWeek.Saturday, DayOfWeek.Sunday]);
                    break;
                case not null when Days.TryGetValue(name, out var day):
                    days.Add(day);
                    break;
                default:
                    Problem(p, $"unknown day {Show(d)} (use mon..sun, monday..sunday, weekdays or weekend)");
                    break;
            }

            return (object?)null;
        });
        if (RawCount(e, "days") == 0) Problem(Join(path, "days"), "at least one day is required");
        var from = TimeOfDay(e, "from", path);
        var to = TimeOfDay(e, "to", path);
        return list is null || from is null || to is null ? null : new ServiceWindow([.. days.Distinct()], from.Value, to.Value);
    }

    private object? ReadMaintenance(JsonElement e, string path, TimeZoneInfo? zone, List<TimeInterval> absolute, List<ServiceWindow> recurring)
    {
        if (!IsObject(e, path, ["start", "end", "days", "from", "to", "description"])) return null;
        if (Has(e, "start") || Has(e, "end"))
        {
            if (Has(e, "days") || Has(e, "from") || Has(e, "to")) Problem(path, "give either start/end (absolute) or days/from/to (recurring), not both");
            var start = Instant(e, "start", path, zone);
            var end = Instant(e, "end", path, zone);
            if (start is not null && end is not null)
            {
                if (end <= start) Problem(Join(path, "end"), "must be after start");
                else absolute.Add(new TimeInterval(start.Value, end.Value));
            }
        }
        else if (ReadWindow(e, path) is { } w)
        {
            recurring.Add(w);
        }

        return null;
    }

    private SloDefinition? ReadSlo(JsonElement e, string path)
    {
        if (!IsObject(e, path, ["name", "kind", "target", "minimum", "downtime", "metric", "percentile", "statistic"])) return null;
        var before = _problems.Count;
        var name = Text(e, "name", path, true);
        var kind = Choice(e, "kind", path, SloKind.Availability, required: true);
        var percentBounded = kind is SloKind.Availability or SloKind.ErrorRate;
        var target = Number(e, "target", path, true, 0, percentBounded ? 100 : double.MaxValue);
        var minimum = Number(e, "minimum", path, true, 0, percentBounded ? 100 : double.MaxValue);
        if (!percentBounded && target is <= 0) Problem(Join(path, "target"), "must be greater than 0");
        if (target is { } t && minimum is { } m)
        {
            if (kind == SloKind.Availability && m > t) Problem(Join(path, "minimum"), $"must be at most the target ({Format(t)})");
            if (kind != SloKind.Availability && m < t) Problem(Join(path, "minimum"), $"must be at least the target ({Format(t)}): lower is better for {Camel(kind)}");
        }

        var downtime = ImmutableArray<DowntimeWeight>.Empty;
        if (Has(e, "downtime"))
        {
            if (kind is not (SloKind.Availability or SloKind.TimeToRestore)) Problem(Join(path, "downtime"), "only for availability and timeToRestore objectives");
            downtime = ReadDowntime(e.GetProperty("downtime"), Join(path, "downtime"));
        }

        var metric = Text(e, "metric", path, kind is SloKind.ResponseTime or SloKind.ErrorRate);
        if (metric is not null && kind is not (SloKind.ResponseTime or SloKind.ErrorRate)) Problem(Join(path, "metric"), "only for responseTime and errorRate objectives");
        var percentile = Number(e, "percentile", path, kind == SloKind.ResponseTime, 0, 100);
        if (percentile is <= 0) Problem(Join(path, "percentile"), "must be greater than 0");
        if (Has(e, "percentile") && kind != SloKind.ResponseTime) Problem(Join(path, "percentile"), "only for responseTime objectives");
        var statistic = Choice(e, "statistic", path, RestoreStatistic.Mean);
        if (Has(e, "statistic") && kind != SloKind.TimeToRestore) Problem(Join(path, "statistic"), "only for timeToRestore objectives");
        if (_problems.Count > before || name is null || target is null || minimum is null) return null;
        return new SloDefinition(name, kind, target.Value, minimum.Value, downtime, metric, percentile ?? 0, statistic);
    }

    private ImmutableArray<DowntimeWeight> ReadDowntime(JsonElement e, string path)
    {
        if (!IsObject(e, path, null)) return [];
        var weights = ImmutableArray.CreateBuilder<DowntimeWeight>();
        foreach (var p in e.EnumerateObject())
        {
            var at = Join(path, p.Name);
            if (!HealthStatusExtensions.TryParse(p.Name, out var status) && !string.Equals(p.Name, "unknown", StringComparison.OrdinalIgnoreCase))
            {
                Problem(at, $"unknown status '{p.Name}' (use warning, minor, major, critical or unknown)");
                continue;
            }

            if (string.Equals(p.Name, "unknown", StringComparison.OrdinalIgnoreCase)) status = HealthStatus.Unknown;
            if (status == HealthStatus.Ok) Problem(at, "ok cannot count as downtime");
            else if (p.Value.ValueKind != JsonValueKind.Number) Problem(at, $"must be a number, not {Show(p.Value)}");
            else if (p.Value.GetDouble() is var f && f is <= 0 or > 1) Problem(at, "must be a fraction greater than 0 and at most 1 (1 = down, 0.5 = half)");
            else weights.Add(new DowntimeWeight(status, f));
        }

        if (!e.EnumerateObject().Any()) Problem(path, "name at least one status, e.g. critical: 1");
        return weights.ToImmutable();
    }

    private CreditPolicy? ReadCredits(JsonElement e, string path, List<SloDefinition> slos)
    {
        if (!IsObject(e, path, ["slo", "tiers", "capPercent", "earnBack"])) return null;
        var before = _problems.Count;
        var sloName = Text(e, "slo", path, false);
        var slo = sloName is null ? slos.FirstOrDefault(s => s.Kind == SloKind.Availability) : slos.FirstOrDefault(s => s.Name == sloName);
        if (slo is null)
        {
            Problem(Join(path, "slo"), sloName is null ? "is required when the SLA has no availability objective" : $"no objective named '{sloName}'");
        }

        var tiers = List(e, "tiers", path, true, (t, p) =>
        {
            if (!IsObject(t, p, ["worseThan", "percent"])) return null;
            var worse = Number(t, "worseThan", p, true, slo?.Kind is SloKind.Availability or SloKind.ErrorRate ? 0 : double.MinValue, slo?.Kind is SloKind.Availability or SloKind.ErrorRate ? 100 : double.MaxValue);
            var percent = Number(t, "percent", p, true, 0, 100);
            return worse is null || percent is null ? null : new CreditTier(worse.Value, percent.Value);
        });
        if (RawCount(e, "tiers") == 0) Problem(Join(path, "tiers"), "at least one tier is required");
        var cap = Number(e, "capPercent", path, false, 0, 100) ?? 100;
        EarnBackRule? earnBack = null;
        if (Has(e, "earnBack") && IsObject(e.GetProperty("earnBack"), Join(path, "earnBack"), ["periods", "level"]))
        {
            var eb = e.GetProperty("earnBack");
            var periods = Integer(eb, "periods", Join(path, "earnBack"), true, 1, 24);
            var level = Number(eb, "level", Join(path, "earnBack"), true, 0, slo?.Kind is SloKind.Availability or SloKind.ErrorRate ? 100 : double.MaxValue);
            if (periods is not null && level is not null) earnBack = new EarnBackRule(periods.Value, level.Value);
        }

        if (_problems.Count > before || slo is null || tiers is null) return null;
        return new CreditPolicy(slo.Name, [.. tiers], cap, earnBack);
    }

    private Fee? ReadFee(JsonElement e, string path)
    {
        if (!IsObject(e, path, ["monthly", "currency"])) return null;
        var monthly = Number(e, "monthly", path, true, 0, double.MaxValue);
        if (monthly > 1e15)
        {
            Problem(Join(path, "monthly"), "is too large");
            monthly = null;
        }

        var currency = Text(e, "currency", path, true);
        if (currency is not null && !CurrencyPattern().IsMatch(currency)) Problem(Join(path, "currency"), $"must be a three-letter ISO 4217 code such as EUR, not '{currency}'");
        return monthly is null || currency is null || !CurrencyPattern().IsMatch(currency) ? null : new Fee((decimal)monthly.Value, currency);
    }

    private BurnRateWindow? ReadBurnRate(JsonElement e, string path)
    {
        if (!IsObject(e, path, ["long", "short", "factor", "severity"])) return null;
        var longWindow = Duration(e, "long", path);
        var shortWindow = Duration(e, "short", path);
        var factor = Number(e, "factor", path, true, 0, 1e6);
        if (factor is <= 0) Problem(Join(path, "factor"), "must be greater than 0");
        var severity = Text(e, "severity", path, false) ?? "ticket";
        if (longWindow is not null && shortWindow is not null && shortWindow >= longWindow) Problem(Join(path, "short"), "must be shorter than the long window");
        return longWindow is null || shortWindow is null || factor is not > 0 || shortWindow >= longWindow ? null : new BurnRateWindow(longWindow.Value, shortWindow.Value, factor.Value, severity);
    }

    // ---- field helpers -------------------------------------------------------------------------------------------

    private static readonly Dictionary<string, DayOfWeek> Days = BuildDays();

    private static Dictionary<string, DayOfWeek> BuildDays()
    {
        var days = new Dictionary<string, DayOfWeek>(StringComparer.Ordinal);
        foreach (var d in Enum.GetValues<DayOfWeek>())
        {
            var name = d.ToString().ToLowerInvariant();
            days[name] = d;
            days[name[..3]] = d;
        }

        return days;
    }

    private void Problem(string path, string message) => _problems.Add(new DocumentProblem(path, message));

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static int? RawCount(JsonElement obj, string name) =>
        Has(obj, name) && obj.GetProperty(name).ValueKind == JsonValueKind.Array ? obj.GetProperty(name).GetArrayLength() : null;

    private static bool Has(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null;

    private T? Missing<T>(string path, string name)
        where T : class
    {
        Problem(Join(path, name), "is required");
        return null;
    }

    private bool IsObject(JsonElement e, string path, string[]? fields)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            Problem(path, $"must be an object, not {Show(e)}");
            return false;
        }

        if (fields is null) return true;
        foreach (var p in e.EnumerateObject())
        {
            if (!fields.Contains(p.Name, StringComparer.Ordinal))
            {
                var hint = fields.FirstOrDefault(f => string.Equals(f, p.Name, StringComparison.OrdinalIgnoreCase));
                Problem(Join(path, p.Name), hint is null ? $"unknown field (expected one of {string.Join(", ", fields)})" : $"unknown field (did you mean '{hint}'?)");
            }
        }

        return true;
    }

    private List<T>? List<T>(JsonElement obj, string name, string path, bool required, Func<JsonElement, string, T?> read)
    {
        var p = Join(path, name);
        if (!Has(obj, name))
        {
            if (required) Problem(p, "is required");
            return null;
        }

        var e = obj.GetProperty(name);
        if (e.ValueKind != JsonValueKind.Array)
        {
            Problem(p, $"must be a list, not {Show(e)}");
            return null;
        }

        var result = new List<T>();
        var i = 0;
        foreach (var item in e.EnumerateArray())
        {
            if (read(item, $"{p}[{i++}]") is { } value) result.Add(value);
        }

        return result;
    }

    private ImmutableArray<string> Strings(JsonElement obj, string name, string path) =>
        [.. List(obj, name, path, false, (e, p) =>
        {
            if (e.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(e.GetString())) return e.GetString()!.Trim();
            Problem(p, $"must be a non-empty string, not {Show(e)}");
            return null;
        }) ?? []];

    private string? Text(JsonElement obj, string name, string path, bool required)
    {
        if (!Has(obj, name))
        {
            if (required) Problem(Join(path, name), "is required");
            return null;
        }

        var e = obj.GetProperty(name);
        if (e.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(e.GetString())) return e.GetString()!.Trim();
        Problem(Join(path, name), $"must be a non-empty string, not {Show(e)}");
        return null;
    }

    private double? Number(JsonElement obj, string name, string path, bool required, double min, double max)
    {
        if (!Has(obj, name))
        {
            if (required) Problem(Join(path, name), "is required");
            return null;
        }

        var e = obj.GetProperty(name);
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetDouble(out var v) || !double.IsFinite(v))
        {
            Problem(Join(path, name), $"must be a number, not {Show(e)}");
            return null;
        }

        if (v < min || v > max)
        {
            Problem(Join(path, name), max >= double.MaxValue ? $"must be at least {Format(min)}" : $"must be between {Format(min)} and {Format(max)}");
            return null;
        }

        return v;
    }

    private int? Integer(JsonElement obj, string name, string path, bool required, int min, int max)
    {
        var v = Number(obj, name, path, required, min, max);
        if (v is null) return null;
        if (v != Math.Floor(v.Value))
        {
            Problem(Join(path, name), "must be a whole number");
            return null;
        }

        return (int)v.Value;
    }

    private T Choice<T>(JsonElement obj, string name, string path, T fallback, bool required = false)
        where T : struct, Enum
    {
        var text = Text(obj, name, path, required);
        if (text is null) return fallback;
        if (Enum.TryParse<T>(text, true, out var value) && Enum.IsDefined(value) && !text.Any(char.IsDigit)) return value;
        Problem(Join(path, name), $"unknown value '{text}' (use {string.Join(", ", Enum.GetValues<T>().Select(v => Camel(v)))})");
        return fallback;
    }

    private TimeOnly? TimeOfDay(JsonElement obj, string name, string path)
    {
        var text = Text(obj, name, path, true);
        if (text is null) return null;
        var m = TimePattern().Match(text);
        if (m.Success && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is var h && int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) is var min
            && ((h < 24 && min < 60) || (h == 24 && min == 0)))
        {
            return new TimeOnly(h % 24, min);
        }

        Problem(Join(path, name), $"must be a time of day HH:mm (00:00 to 24:00), not '{text}'");
        return null;
    }

    private DateTimeOffset? Instant(JsonElement obj, string name, string path, TimeZoneInfo? zone)
    {
        var text = Text(obj, name, path, true);
        if (text is null) return null;
        if (OffsetPattern().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset)) return withOffset;
        if (!OffsetPattern().IsMatch(text) && DateTime.TryParseExact(text, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return zone is null ? null : ZoneClock.ToInstant(local, zone);
        }

        Problem(Join(path, name), $"must be a date-time such as 2026-12-12T22:00 (SLA time zone) or 2026-12-12T22:00:00+01:00, not '{text}'");
        return null;
    }

    private TimeSpan? Duration(JsonElement obj, string name, string path)
    {
        var text = Text(obj, name, path, true);
        if (text is null) return null;
        var m = DurationPattern().Match(text);
        if (m.Success && int.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            return m.Groups[2].Value switch { "m" => TimeSpan.FromMinutes(n), "h" => TimeSpan.FromHours(n), _ => TimeSpan.FromDays(n) };
        }

        Problem(Join(path, name), $"must be a duration such as 5m, 6h or 3d, not '{text}'");
        return null;
    }

    private TimeZoneInfo? Zone(string id, string path)
    {
        var zone = ZoneClock.Find(id);
        if (zone is null) Problem(path, $"unknown time zone '{id}' (use an IANA id such as Europe/Berlin)");
        return zone;
    }

    private void Unique<T>(List<T>? items, Func<T, string> key, string path, string field)
    {
        if (items is null) return;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            if (!seen.Add(key(items[i]))) Problem($"{path}[{i}].{field}", $"duplicate {field} '{key(items[i])}'");
        }
    }

    /// <summary>Duplicate keys among the raw items of a list, whether or not the items are otherwise valid.</summary>
    private void Unique(JsonElement obj, string list, string field)
    {
        if (RawCount(obj, list) is null) return;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var item in obj.GetProperty(list).EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty(field, out var k) && k.ValueKind == JsonValueKind.String
                && !seen.Add(k.GetString()!.Trim()))
            {
                Problem($"{list}[{i}].{field}", $"duplicate {field} '{k.GetString()!.Trim()}'");
            }

            i++;
        }
    }

    private static string Show(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => $"'{e.GetString()}'",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.Null => "null",
        _ => e.GetRawText(),
    };

    private static string Camel<T>(T value)
        where T : struct, Enum
    {
        var s = value.ToString();
        return char.ToLowerInvariant(s[0]) + s[1..];
    }

    private static string Format(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^([0-9]{1,2}):([0-9]{2})$")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex OffsetPattern();

    [GeneratedRegex(@"^(\d+)(m|h|d)$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^[A-Z]{3}$")]
    private static partial Regex CurrencyPattern();
}
