using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>Turns a statement of work into a draft SLA by applying the template it names to its scope.</summary>
internal static class SlaTemplates
{
    /// <summary>
    /// The draft: the template's terms with the statement's customer, services and fee; the statement's service hours and
    /// time zone when given; special terms of both. Returns null when the template is not in the catalogue.
    /// </summary>
    public static SlaDefinition? Apply(IEnumerable<SlaTemplate> catalogue, StatementOfWork sow, string slaId)
    {
        var template = catalogue.FirstOrDefault(t => string.Equals(t.Name, sow.Template, StringComparison.Ordinal));
        if (template is null) return null;
        var terms = template.Terms;
        return terms with
        {
            Id = slaId,
            Name = $"{sow.Customer} {template.Name}",
            Customer = sow.Customer,
            Template = template.Name,
            State = SlaState.Draft,
            Services = sow.Services,
            TimeZone = sow.TimeZone ?? terms.TimeZone,
            ServiceHours = sow.ServiceHours ?? terms.ServiceHours,
            Fee = sow.Fee,
            SpecialTerms = [.. (terms.SpecialTerms.IsDefault ? [] : terms.SpecialTerms), .. (sow.SpecialTerms.IsDefault ? [] : sow.SpecialTerms)],
        };
    }
}
