using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// The credit of one period: among the tiers the achieved level is worse than, the highest percentage, capped at the
/// policy's cap, of the period fee (the monthly fee times <see cref="MeasurementPeriods.FeeFactor"/>), rounded to cents.
/// No figure (no data) gives no credit.
/// </summary>
internal static class CreditCalculator
{
    public static CreditResult Compute(CreditPolicy policy, SloDefinition slo, Fee fee, MeasurementPeriod period, SloResult result)
    {
        var periodFee = decimal.Round(fee.Monthly * MeasurementPeriods.FeeFactor(period), 2, MidpointRounding.AwayFromZero);
        CreditTier? reached = null;
        if (result.Achieved is { } achieved)
        {
            foreach (var tier in policy.Tiers)
            {
                if (SloEvaluation.AtLeastAsGood(slo.HigherIsBetter, achieved, tier.WorseThan)) continue;
                if (reached is null || tier.Percent > reached.Percent) reached = tier;
            }
        }

        var percent = Math.Min(reached?.Percent ?? 0, policy.CapPercent);
        var amount = decimal.Round(periodFee * (decimal)percent / 100m, 2, MidpointRounding.AwayFromZero);
        return new CreditResult(result.Period, slo.Name, result.Achieved, reached?.WorseThan, percent, periodFee, amount, fee.Currency);
    }
}
