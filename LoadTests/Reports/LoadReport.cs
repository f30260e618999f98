using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImpactMesh.LoadTests.Reports;

/// <summary>
/// A report of one command: sections of named figures, written as Markdown (tables a planner can read) and as JSON
/// (every figure, plus any series attached with <see cref="Attach"/>), next to each other in the output folder.
/// </summary>
internal sealed class LoadReport(string name, string title, string commandLine)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly List<(string Heading, List<(string Name, object? Value)> Rows)> _sections = [];
    private readonly Dictionary<string, object?> _attachments = new(StringComparer.Ordinal);
    private readonly List<string> _notes = [];

    public string Name => name;

    /// <summary>Adds a row to a section (created on first use).</summary>
    public LoadReport Add(string section, string figure, object? value)
    {
        var rows = _sections.FirstOrDefault(s => s.Heading == section).Rows;
        if (rows is null)
        {
            rows = [];
            _sections.Add((section, rows));
        }

        rows.Add((figure, value));
        return this;
    }

    /// <summary>Adds every property of a record as a row of a section.</summary>
    public LoadReport AddAll(string section, object figures)
    {
        foreach (var property in figures.GetType().GetProperties())
        {
            if (property.GetIndexParameters().Length == 0) Add(section, property.Name, property.GetValue(figures));
        }

        return this;
    }

    /// <summary>Adds a sentence under the tables (a finding, a caveat).</summary>
    public LoadReport Note(string text)
    {
        _notes.Add(text);
        return this;
    }

    /// <summary>Puts a series (steps, intervals, memory samples) in the JSON only.</summary>
    public LoadReport Attach(string key, object? value)
    {
        _attachments[key] = value;
        return this;
    }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# {title}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"`{commandLine}` at {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, .NET {Environment.Version}, {GcMode()}; machine 1-minute load average {LoadAverage()} when written (other work shares these cores)");
        foreach (var (heading, rows) in _sections)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"## {heading}");
            text.AppendLine();
            text.AppendLine("| figure | value |");
            text.AppendLine("|---|---|");
            foreach (var (figure, value) in rows) text.AppendLine(CultureInfo.InvariantCulture, $"| {figure} | {Format(value)} |");
        }

        if (_notes.Count > 0)
        {
            text.AppendLine();
            foreach (var note in _notes) text.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
        }

        return text.ToString();
    }

    public string ToJson()
    {
        var document = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["title"] = title,
            ["command"] = commandLine,
            ["at"] = DateTimeOffset.UtcNow,
            ["cores"] = Environment.ProcessorCount,
            ["loadAverage"] = LoadAverage(),
        };
        foreach (var (heading, rows) in _sections) document[heading] = rows.ToDictionary(r => r.Name, r => r.Value);
        foreach (var (key, value) in _attachments) document[key] = value;
        return JsonSerializer.Serialize(document, JsonOptions);
    }

    /// <summary>Writes <c>name.md</c> and <c>name.json</c> under <paramref name="folder"/> and prints the Markdown.</summary>
    public async Task WriteAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var markdown = ToMarkdown();
        await File.WriteAllTextAsync(Path.Combine(folder, name + ".md"), markdown);
        await File.WriteAllTextAsync(Path.Combine(folder, name + ".json"), ToJson());
        Console.WriteLine();
        Console.WriteLine(markdown);
        Console.WriteLine($"Written {Path.Combine(folder, name)}.md and .json");
    }

    /// <summary>The garbage collector this process runs (it shapes memory and pause figures; <c>DOTNET_gcServer=0</c> picks the workstation one).</summary>
    internal static string GcMode()
    {
        var mode = !System.Runtime.GCSettings.IsServerGC ? "workstation GC"
            : GC.GetConfigurationVariables().GetValueOrDefault("GCDynamicAdaptationMode") is 1L ? "server GC (DATAS)" : "server GC (DATAS off)";
        var gen0 = Environment.GetEnvironmentVariable("DOTNET_GCgen0size");
        return string.IsNullOrEmpty(gen0) ? mode : $"{mode}, DOTNET_GCgen0size={gen0}";
    }

    /// <summary>The 1-minute load average (Linux), a hint of how much the machine was shared during the run.</summary>
    internal static string LoadAverage()
    {
        try
        {
            return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    internal static string Format(object? value) => value switch
    {
        null => "",
        double d when double.IsNaN(d) => "n/a",
        double d when Math.Abs(d) >= 1000 => d.ToString("N0", CultureInfo.InvariantCulture),
        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
        long or int => string.Format(CultureInfo.InvariantCulture, "{0:N0}", value),
        TimeSpan t => t.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture) + " s",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
