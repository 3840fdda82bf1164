namespace LowLatency.Rest.Lane;

/// <summary>Counts for one priority of a lane.</summary>
/// <param name="Queued">Requests waiting in the queue now.</param>
/// <param name="Submitted">Requests accepted or rejected at submission since the lane started.</param>
/// <param name="Succeeded">Requests answered with 2xx.</param>
/// <param name="Failed">Requests that ended with an error (cancellations excluded).</param>
public readonly record struct RestPriorityStatus(long Queued, long Submitted, long Succeeded, long Failed);
