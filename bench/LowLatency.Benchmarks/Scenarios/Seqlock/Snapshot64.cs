namespace LowLatency.Benchmarks.Scenarios.Seqlock;

/// <summary>A 64-byte snapshot (eight longs), the size of a ticker's core fields, shared by the seqlock benchmarks.</summary>
public struct Snapshot64
{
    public long F0, F1, F2, F3, F4, F5, F6, F7;

    public static Snapshot64 For(long counter) => new()
    {
        F0 = counter, F1 = counter + 1, F2 = counter + 2, F3 = counter + 3,
        F4 = counter + 4, F5 = counter + 5, F6 = counter + 6, F7 = counter + 7,
    };

    /// <summary>
    /// Sum of all eight fields. Benchmarks consume the copy through this so that every field is
    /// loaded: were only two used, the JIT would load only those two and the "64-byte read" would
    /// not copy 64 bytes.
    /// </summary>
    public readonly long FieldSum() => F0 + F1 + F2 + F3 + F4 + F5 + F6 + F7;
}
