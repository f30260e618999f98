namespace ImpactMesh.LoadTests.Commands;

/// <summary>One command of the LoadTests program.</summary>
internal interface ICommand
{
    string Name { get; }

    string Summary { get; }

    Task<int> RunAsync(string[] args);
}
