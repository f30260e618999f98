using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.ServiceLevels;

namespace ImpactMesh.Grains.ServiceLevels;

/// <summary>
/// Traces every credit (amount &gt; 0) through the earn-back rule: it is earned back when each of the next N periods
/// achieves the rule's level, payable as soon as one of them does not, pending while fewer than N have been measured.
/// <c>periods</c> are consecutive periods' credit results (credits of 0 included), oldest first.
/// </summary>
internal static class EarnBackCalculator
{
    public static ImmutableArray<EarnBackTrace> Trace(EarnBackRule? rule, bool higherIsBetter, IReadOnlyList<CreditResult> periods)
    {
        var traces = ImmutableArray.CreateBuilder<EarnBackTrace>();
        for (var k = 0; k < periods.Count; k++)
        {
            var credit = periods[k];
            if (credit.Amount <= 0) continue;
            if (rule is null)
            {
                traces.Add(new EarnBackTrace(credit, EarnBackState.NoRule, [], null));
                continue;
            }

            var earnedBy = ImmutableArray.CreateBuilder<TimeInterval>();
            TimeInterval? failed = null;
            for (var j = k + 1; j < periods.Count && j <= k + rule.Periods; j++)
            {
                if (periods[j].Achieved is { } a && SloEvaluation.AtLeastAsGood(higherIsBetter, a, rule.Level))
                {
                    earnedBy.Add(periods[j].Period);
                }
                else
                {
                    failed = periods[j].Period;
                    break;
                }
            }

            var state = failed is not null ? EarnBackState.Payable
                : earnedBy.Count >= rule.Periods ? EarnBackState.EarnedBack
                : EarnBackState.Pending;
            traces.Add(new EarnBackTrace(credit, state, earnedBy.ToImmutable(), failed));
        }

        return traces.ToImmutable();
    }
}
