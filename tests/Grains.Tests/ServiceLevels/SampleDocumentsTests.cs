using ImpactMesh.Grains.Interfaces.Topology;
using ImpactMesh.Grains.ServiceLevels;

namespace ImpactMesh.Grains.Tests.ServiceLevels;

public sealed class SampleDocumentsTests
{
    private static string SamplesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ImpactMesh.sln"))) return Path.Combine(dir.FullName, "samples");
        }

        throw new InvalidOperationException("ImpactMesh.sln not found above " + AppContext.BaseDirectory);
    }

    public static TheoryData<string> SlaSamples() =>
        [.. Directory.GetFiles(SamplesFolder()).Where(f => Path.GetFileName(f).Contains("sla", StringComparison.OrdinalIgnoreCase)).Select(Path.GetFileName).OfType<string>()];

    private static SlaDocument ReadSample(string name)
    {
        var path = Path.Combine(SamplesFolder(), name);
        var format = name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? DocumentFormat.Json : DocumentFormat.Yaml;
        return SlaDocumentReader.Read(File.ReadAllText(path), format);
    }

    [Theory]
    [MemberData(nameof(SlaSamples))]
    public void Read_SampleFile_HasNoProblems(string name)
    {
        var d = ReadSample(name);

        Assert.True(d.IsValid, string.Join("\n", d.Problems));
    }

    [Fact]
    public void Read_Samples_HoldTheCatalogueAndTheCustomerSlas()
    {
        var catalogue = ReadSample("sla-templates.yaml");
        var slas = ReadSample("slas.yaml");

        Assert.Equal(["gold-24x7", "silver-business-hours", "bronze"], catalogue.Templates.Select(t => t.Name));
        Assert.Equal(["sla-acme-webshop", "sla-nordwind-crm", "sla-hafen-email", "sla-internal-tools"], slas.Slas.Select(s => s.Id));
        Assert.Equal(
            ["svc-crm", "svc-email", "svc-payments", "svc-webshop"],
            slas.Slas.SelectMany(s => s.Services.Ids).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Apply_SampleStatementsOfWork_GiveDraftSlasFromTheirTemplates()
    {
        var catalogue = ReadSample("sla-templates.yaml");

        var drafts = catalogue.Statements.Select(s => SlaTemplates.Apply(catalogue.Templates, s, "sla-" + s.Id)).ToList();

        Assert.All(drafts, Assert.NotNull);
        var acme = drafts[0]!;
        Assert.Equal(("ACME Retail GmbH", "gold-24x7", 18000m, 4), (acme.Customer, acme.Template, acme.Fee!.Monthly, acme.Slos.Length));
        Assert.Equal(2, acme.SpecialTerms.Length);
        var nordwind = drafts[1]!;
        Assert.Equal(new TimeOnly(6, 0), nordwind.ServiceHours.Windows[0].From);
        Assert.Equal(5, nordwind.ServiceHours.Holidays.Length);
        Assert.Null(SlaTemplates.Apply(catalogue.Templates, catalogue.Statements[0] with { Template = "platinum" }, "x"));
    }
}
