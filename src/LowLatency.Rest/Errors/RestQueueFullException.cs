using LowLatency.Rest.Lane;

namespace LowLatency.Rest.Errors;

/// <summary>The lane's queue for the request's priority is full: the request was not accepted.</summary>
public sealed class RestQueueFullException : RestException
{
    /// <summary>Creates the error.</summary>
    /// <param name="exchange">The exchange whose lane is full.</param>
    /// <param name="priority">The priority whose queue is full.</param>
    /// <param name="capacity">The capacity of that queue.</param>
    public RestQueueFullException(string exchange, RestPriority priority, int capacity)
        : base(exchange, $"{exchange} REST lane rejected a {priority} request: its queue already holds {capacity} requests, the configured maximum")
    {
        Priority = priority;
        Capacity = capacity;
    }

    /// <summary>The priority whose queue is full.</summary>
    public RestPriority Priority { get; }

    /// <summary>How many requests that queue holds at most.</summary>
    public int Capacity { get; }
}
