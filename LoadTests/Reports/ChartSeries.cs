namespace ImpactMesh.LoadTests.Reports;

/// <summary>One line of a chart.</summary>
internal sealed record ChartSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y);
