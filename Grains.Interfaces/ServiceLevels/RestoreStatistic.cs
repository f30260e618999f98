namespace ImpactMesh.Grains.Interfaces.ServiceLevels;

/// <summary>How the restore times of a period are summarised by a time-to-restore objective.</summary>
[GenerateSerializer, Alias("ImpactMesh.RestoreStatistic")]
public enum RestoreStatistic
{
    Mean = 0,
    Max = 1,
}
