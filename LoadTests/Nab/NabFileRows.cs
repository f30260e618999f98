namespace ImpactMesh.LoadTests.Nab;

/// <summary>A file's rows prepared for scoring and the number of its windows that have scored rows.</summary>
internal sealed record NabFileRows(string Key, NabRow[] Rows, int WindowCount, int ScoredWindowCount);
