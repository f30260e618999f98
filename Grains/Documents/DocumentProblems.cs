using System.Collections.Immutable;
using ImpactMesh.Grains.Interfaces.Topology;

namespace ImpactMesh.Grains.Documents;

/// <summary>Collects every problem of a document by path, up to a cap, so one response names them all.</summary>
internal sealed class DocumentProblems(int cap = 1000)
{
    private readonly List<DocumentProblem> _items = [];
    private int _dropped;

    public bool Any => _items.Count > 0;

    public int Count => _items.Count + _dropped;

    public void Add(string path, string message)
    {
        if (_items.Count < cap) _items.Add(new DocumentProblem(path, message));
        else _dropped++;
    }

    public ImmutableArray<DocumentProblem> ToImmutable()
    {
        if (_dropped == 0) return [.. _items];
        return [.. _items, new DocumentProblem("", $"{_dropped} more problems not listed")];
    }
}
