namespace LowLatency.Engine.Metrics;

/// <summary>Garbage collections of each generation since the process started.</summary>
/// <param name="Gen0">Generation 0 collections.</param>
/// <param name="Gen1">Generation 1 collections.</param>
/// <param name="Gen2">Generation 2 collections.</param>
public sealed record GcCounts(int Gen0, int Gen1, int Gen2)
{
    /// <summary>The counts now.</summary>
    public static GcCounts Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    /// <summary>Collections between <paramref name="earlier"/> and this.</summary>
    public GcCounts Since(GcCounts earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        return new(Gen0 - earlier.Gen0, Gen1 - earlier.Gen1, Gen2 - earlier.Gen2);
    }
}
