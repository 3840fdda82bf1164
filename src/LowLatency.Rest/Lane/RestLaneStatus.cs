namespace LowLatency.Rest.Lane;

/// <summary>A snapshot of a lane: queues and counts per priority, rate-limit pauses, errors, retries, breaker.</summary>
public sealed record RestLaneStatus
{
    /// <summary>The exchange the lane serves.</summary>
    public required string Exchange { get; init; }

    /// <summary>The circuit breaker's state.</summary>
    public required RestCircuitState CircuitState { get; init; }

    /// <summary>When a 429 or 418 pause ends, or null when the lane is not paused.</summary>
    public required DateTimeOffset? PausedUntil { get; init; }

    /// <summary>True while the exchange's ban (HTTP 418) lasts.</summary>
    public required bool IsBanned { get; init; }

    /// <summary>Requests being sent right now.</summary>
    public required long InFlight { get; init; }

    /// <summary>Counts for Critical requests.</summary>
    public required RestPriorityStatus Critical { get; init; }

    /// <summary>Counts for High requests.</summary>
    public required RestPriorityStatus High { get; init; }

    /// <summary>Counts for Normal requests.</summary>
    public required RestPriorityStatus Normal { get; init; }

    /// <summary>HTTP 429 answers received.</summary>
    public required long TooManyRequests { get; init; }

    /// <summary>HTTP 418 (ban) answers received.</summary>
    public required long Bans { get; init; }

    /// <summary>HTTP 5xx answers received.</summary>
    public required long ServerErrors { get; init; }

    /// <summary>Attempts that timed out.</summary>
    public required long Timeouts { get; init; }

    /// <summary>Attempts that failed below HTTP (connection, TLS, truncated response).</summary>
    public required long TransportErrors { get; init; }

    /// <summary>Retries made (attempts after the first).</summary>
    public required long Retries { get; init; }

    /// <summary>Requests refused because the circuit was open.</summary>
    public required long CircuitRejections { get; init; }

    /// <summary>Requests refused because their priority's queue was full.</summary>
    public required long QueueRejections { get; init; }
}
