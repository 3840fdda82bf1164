namespace LowLatency.Rest.Lane;

/// <summary>The state of a lane's circuit breaker.</summary>
public enum RestCircuitState
{
    /// <summary>Requests flow normally.</summary>
    Closed,

    /// <summary>Requests fail fast with <see cref="Errors.RestCircuitOpenException"/> until the break ends.</summary>
    Open,

    /// <summary>One probe request is let through; its outcome closes or reopens the circuit.</summary>
    HalfOpen,

    /// <summary>Held open by hand.</summary>
    Isolated,
}
