using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using ImpactMesh.Grains.Interfaces.Health;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Impact;

/// <summary>
/// Derives a status from the statuses a component's counted (non-ignored, non-cycle-closing) relations pass on.
/// <para><b>Main rule</b> (a null rule is <see cref="RuleKind.Worst"/>):
/// Worst = the most severe status; Best = the least severe; None = Ok whatever the dependencies;
/// AtLeast n = the worst among the best n (k-of-n redundancy; n below 1 counts as 1; with fewer than n known
/// dependencies it is the worst of them).</para>
/// <para><b>Unknown</b> is no information for the main rule: it is applied to the known statuses only. When every counted
/// dependency is Unknown the main rule gives Unknown (None still gives Ok); with no counted dependency at all it gives Ok.</para>
/// <para><b>Additional rules</b> (Zabbix-style) apply only when there is at least one counted dependency.
/// AtLeast: "set S when at least N / N% / weight W / W% of the dependencies are at status T or worse".
/// LessThan: "set S when less than N / N% / weight W / W% of the dependencies are at status T or better".
/// Percentages (0-100) are of all counted dependencies (by number or by relation weight), Unknown ones included; an
/// Unknown dependency is neither "T or worse" nor "T or better", so it never counts towards AtLeast and always counts
/// against LessThan ("not known to be healthy"). A rule whose T is Unknown never fires.</para>
/// <para>The final status is the most severe of the main rule's and those of the firing additional rules
/// (<see cref="HealthStatusExtensions.Worse"/>: a known status beats Unknown).</para>
/// <para><b>Driving dependencies</b> (through which root causes are found), when the final status D is known and not Ok:
/// for a main rule giving D, the dependencies passing D or worse (Worst: those at D; Best: all known ones; AtLeast: those
/// at D or worse); for a firing additional rule setting D, the dependencies it counted (AtLeast: at T or worse;
/// LessThan: known and worse than T). Dependencies passing Ok never drive.</para>
/// </summary>
internal static class StatusRuleEvaluator
{
    private const int Levels = 5;

    /// <summary>Evaluates <paramref name="rule"/>; <paramref name="weights"/> holds the relation weights, index for index.</summary>
    public static RuleOutcome Evaluate(StatusRule? rule, ReadOnlySpan<HealthStatus> passed, ReadOnlySpan<int> weights)
    {
        var tally = new Tally(passed, weights);
        var main = MainStatus(rule, tally);
        var status = main;
        var additional = Additional(rule);
        foreach (var a in additional)
        {
            if (Fires(a, tally)) status = status.Worse(a.Set);
        }

        if (!status.IsKnown() || status == HealthStatus.Ok) return new RuleOutcome(status, main, HealthStatus.Unknown);

        var from = main == status ? (int)main : (int)HealthStatus.Unknown;
        foreach (var a in additional)
        {
            if (a.Set != status || !Fires(a, tally)) continue;
            var t = (int)a.Status + (a.Comparison == ThresholdComparison.LessThan ? 1 : 0);
            from = Math.Min(from, t);
        }

        return new RuleOutcome(status, main, (HealthStatus)Math.Max(from, (int)HealthStatus.Warning));
    }

    /// <summary>A human-readable reason for the derived status, e.g. "2 of 3 dependencies Critical (atLeast 2)".</summary>
    public static string Describe(StatusRule? rule, ReadOnlySpan<HealthStatus> passed, ReadOnlySpan<int> weights)
    {
        var outcome = Evaluate(rule, passed, weights);
        var tally = new Tally(passed, weights);
        var d = outcome.Status;
        if (tally.Total == 0) return "no dependencies";
        if (d == HealthStatus.Unknown) return tally.Total == 1 ? "the only dependency is Unknown" : $"all {tally.Total} dependencies Unknown";
        if (d == HealthStatus.Ok) return $"{tally.Total} {Noun(tally.Total)}, none impacting";

        var parts = new List<string>();
        var kind = rule?.Main ?? RuleKind.Worst;
        if (outcome.Main == d)
        {
            var atOrWorse = tally.CountAtOrWorse((int)d);
            var level = d == HealthStatus.Critical ? "Critical" : $"{d} or worse";
            parts.Add(kind switch
            {
                RuleKind.Best => $"all {tally.Known} known {Noun(tally.Known)} {level} (best)",
                RuleKind.AtLeast => $"{atOrWorse} of {tally.Total} {Noun(tally.Total)} {level} (atLeast {Math.Max(1, rule!.AtLeast)})",
                _ => $"{tally.Count((int)d)} of {tally.Total} {Noun(tally.Total)} {d} (worst)",
            });
        }

        foreach (var a in Additional(rule))
        {
            if (a.Set != d || !Fires(a, tally)) continue;
            parts.Add(DescribeAdditional(a, tally));
        }

        return string.Join("; ", parts);
    }

    private static string DescribeAdditional(AdditionalRule a, in Tally tally)
    {
        var t = (int)a.Status;
        var atLeast = a.Comparison == ThresholdComparison.AtLeast;
        var count = atLeast ? tally.CountAtOrWorse(t) : tally.CountAtOrBetter(t);
        var threshold = a.Threshold.ToString("0.##", CultureInfo.InvariantCulture);
        var measure = a.Measure switch
        {
            ThresholdMeasure.Percent => $"{threshold}% of dependencies",
            ThresholdMeasure.Weight => $"weight {threshold} of dependencies",
            ThresholdMeasure.WeightPercent => $"{threshold}% of dependency weight",
            _ => $"{threshold} {Noun(a.Threshold == 1 ? 1 : 2)}",
        };
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{count} of {tally.Total} {Noun(tally.Total)} {a.Status} or ");
        text.Append(atLeast ? "worse" : "better");
        text.Append(CultureInfo.InvariantCulture, $" (additional: {a.Set} when {(atLeast ? "at least" : "less than")} {measure} ");
        text.Append(atLeast ? $"{a.Status} or worse)" : $"{a.Status} or better)");
        return text.ToString();
    }

    private static ImmutableArray<AdditionalRule> Additional(StatusRule? rule) =>
        rule is null || rule.Additional.IsDefault ? [] : rule.Additional;

    private static string Noun(int count) => count == 1 ? "dependency" : "dependencies";

    private static HealthStatus MainStatus(StatusRule? rule, in Tally tally)
    {
        var kind = rule?.Main ?? RuleKind.Worst;
        if (kind == RuleKind.None || tally.Total == 0) return HealthStatus.Ok;
        if (tally.Known == 0) return HealthStatus.Unknown;
        switch (kind)
        {
            case RuleKind.Best:
                for (var s = 0; s < Levels; s++)
                {
                    if (tally.Count(s) > 0) return (HealthStatus)s;
                }

                break;
            case RuleKind.AtLeast:
                var n = Math.Max(1, rule!.AtLeast);
                if (tally.Known < n) return tally.Worst;
                var cumulative = 0;
                for (var s = 0; s < Levels; s++)
                {
                    cumulative += tally.Count(s);
                    if (cumulative >= n) return (HealthStatus)s;
                }

                break;
        }

        return tally.Worst;
    }

    private static bool Fires(AdditionalRule a, in Tally tally)
    {
        if (tally.Total == 0 || !a.Status.IsKnown()) return false;
        var t = (int)a.Status;
        var atLeast = a.Comparison == ThresholdComparison.AtLeast;
        double value = a.Measure switch
        {
            ThresholdMeasure.Count => atLeast ? tally.CountAtOrWorse(t) : tally.CountAtOrBetter(t),
            ThresholdMeasure.Percent => 100.0 * (atLeast ? tally.CountAtOrWorse(t) : tally.CountAtOrBetter(t)) / tally.Total,
            ThresholdMeasure.Weight => atLeast ? tally.WeightAtOrWorse(t) : tally.WeightAtOrBetter(t),
            ThresholdMeasure.WeightPercent => tally.TotalWeight == 0
                ? 0
                : 100.0 * (atLeast ? tally.WeightAtOrWorse(t) : tally.WeightAtOrBetter(t)) / tally.TotalWeight,
            _ => 0,
        };
        return atLeast ? value >= a.Threshold : value < a.Threshold;
    }

    /// <summary>How many dependencies (and how much weight) pass each known status.</summary>
    private struct Tally
    {
        private Levels5<int> _counts;
        private Levels5<long> _weights;

        public Tally(ReadOnlySpan<HealthStatus> passed, ReadOnlySpan<int> weights)
        {
            if (weights.Length != passed.Length) throw new ArgumentException("One weight per passed status is needed.", nameof(weights));
            for (var i = 0; i < passed.Length; i++)
            {
                TotalWeight += weights[i];
                var s = (int)passed[i];
                if (s is < 0 or >= Levels) continue;
                _counts[s]++;
                _weights[s] += weights[i];
                Known++;
            }

            Total = passed.Length;
        }

        public int Total { get; }

        public int Known { get; }

        public long TotalWeight { get; }

        public readonly HealthStatus Worst
        {
            get
            {
                for (var s = Levels - 1; s > 0; s--)
                {
                    if (_counts[s] > 0) return (HealthStatus)s;
                }

                return HealthStatus.Ok;
            }
        }

        public readonly int Count(int s) => _counts[s];

        public readonly int CountAtOrWorse(int t)
        {
            var sum = 0;
            for (var s = t; s < Levels; s++) sum += _counts[s];
            return sum;
        }

        public readonly int CountAtOrBetter(int t)
        {
            var sum = 0;
            for (var s = 0; s <= t && s < Levels; s++) sum += _counts[s];
            return sum;
        }

        public readonly long WeightAtOrWorse(int t)
        {
            long sum = 0;
            for (var s = t; s < Levels; s++) sum += _weights[s];
            return sum;
        }

        public readonly long WeightAtOrBetter(int t)
        {
            long sum = 0;
            for (var s = 0; s <= t && s < Levels; s++) sum += _weights[s];
            return sum;
        }
    }

    [InlineArray(Levels)]
    private struct Levels5<T>
    {
        private T _element;
    }
}
