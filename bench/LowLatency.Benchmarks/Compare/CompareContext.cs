namespace LowLatency.Benchmarks.Compare;

/// <summary>What a scenario needs to size itself.</summary>
/// <param name="Quick">True for <c>--quick</c>: the whole run must finish in about 90 s on 2 cores.</param>
/// <param name="RepositoryRoot">Repository root, for fixtures under <c>tests/fixtures</c>.</param>
public sealed record CompareContext(bool Quick, string RepositoryRoot)
{
    /// <summary>Picks the quick or the full size of a workload.</summary>
    public T Size<T>(T quick, T full) => Quick ? quick : full;

    /// <summary>Absolute path of a file under <c>tests/fixtures</c>.</summary>
    public string Fixture(string relativePath) => Path.Combine(RepositoryRoot, "tests", "fixtures", relativePath);
}
