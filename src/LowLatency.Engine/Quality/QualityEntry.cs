namespace LowLatency.Engine.Quality;

/// <summary>The monitor's record of one instrument and channel (guarded by the monitor's lock).</summary>
internal sealed class QualityEntry
{
    /// <summary>True while some session subscribes the topic.</summary>
    public bool Subscribed;

    /// <summary>When it was (un)subscribed, Stopwatch ticks.</summary>
    public long SubscribedAt;

    /// <summary>When a read was last served from REST, Stopwatch ticks; 0 when never.</summary>
    public long DegradedAt;

    /// <summary>The book's resync count when last evaluated (a resync shorter than a check interval still gets reported).</summary>
    public long ResyncsSeen;

    /// <summary>The state last reported.</summary>
    public DataQualityState? State;
}
