namespace ImpactMesh.LoadTests.Nab;

/// <summary>A NAB application profile: the weights of a true positive, a false positive and a false negative.</summary>
internal sealed record NabProfile(string Name, double TruePositive, double FalsePositive, double FalseNegative)
{
    public static NabProfile Standard { get; } = new("standard", 1.0, 0.11, 1.0);

    public static NabProfile RewardLowFalsePositives { get; } = new("reward_low_FP_rate", 1.0, 0.22, 1.0);

    public static NabProfile RewardLowFalseNegatives { get; } = new("reward_low_FN_rate", 1.0, 0.11, 2.0);

    public static IReadOnlyList<NabProfile> All { get; } = [Standard, RewardLowFalsePositives, RewardLowFalseNegatives];
}
