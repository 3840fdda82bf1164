namespace LowLatency.Rest.Lane;

/// <summary>
/// One bounded FIFO queue per priority; workers always take from the most urgent non-empty one.
/// </summary>
/// <remarks>
/// The semaphores are wake-up hints whose counts never fall below the number of queued requests:
/// each enqueue releases one, each wake-up takes at most one request. A worker woken for a request
/// that was cancelled or taken by another worker finds nothing and waits again, so nothing is
/// ever stranded and no worker spins.
/// </remarks>
internal sealed class RestRequestQueue : IDisposable
{
    private const int PriorityCount = 3;

    private readonly Queue<PendingRequest>[] _queues;
    private readonly int _capacityPerPriority;
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _anyQueued = new(0);
    private readonly SemaphoreSlim _criticalQueued = new(0);

    public RestRequestQueue(int capacityPerPriority)
    {
        _capacityPerPriority = capacityPerPriority;
        _queues = new Queue<PendingRequest>[PriorityCount];
        for (int i = 0; i < PriorityCount; i++)
        {
            _queues[i] = new Queue<PendingRequest>();
        }
    }

    public int CapacityPerPriority => _capacityPerPriority;

    public bool TryEnqueue(PendingRequest pending)
    {
        RestPriority priority = pending.Request.Priority;
        lock (_gate)
        {
            Queue<PendingRequest> queue = _queues[(int)priority];
            if (queue.Count >= _capacityPerPriority)
            {
                DropCompleted(queue);
                if (queue.Count >= _capacityPerPriority)
                {
                    return false;
                }
            }

            queue.Enqueue(pending);
        }

        _anyQueued.Release();
        if (priority == RestPriority.Critical)
        {
            _criticalQueued.Release();
        }

        return true;
    }

    public Task WaitAsync(bool criticalOnly, CancellationToken cancellationToken) =>
        (criticalOnly ? _criticalQueued : _anyQueued).WaitAsync(cancellationToken);

    /// <summary>The most urgent live request without removing it; cancelled or failed ones are dropped on the way.</summary>
    public PendingRequest? PeekLive(bool criticalOnly)
    {
        lock (_gate)
        {
            int last = criticalOnly ? (int)RestPriority.Critical : PriorityCount - 1;
            for (int i = 0; i <= last; i++)
            {
                Queue<PendingRequest> queue = _queues[i];
                while (queue.TryPeek(out PendingRequest? head))
                {
                    if (!head.IsCompleted)
                    {
                        return head;
                    }

                    queue.Dequeue().Release();
                }
            }

            return null;
        }
    }

    public PendingRequest? TryDequeue(bool criticalOnly)
    {
        lock (_gate)
        {
            int last = criticalOnly ? (int)RestPriority.Critical : PriorityCount - 1;
            for (int i = 0; i <= last; i++)
            {
                Queue<PendingRequest> queue = _queues[i];
                while (queue.TryDequeue(out PendingRequest? head))
                {
                    if (!head.IsCompleted)
                    {
                        return head;
                    }

                    head.Release();
                }
            }

            return null;
        }
    }

    public int Count(RestPriority priority)
    {
        lock (_gate)
        {
            int live = 0;
            foreach (PendingRequest pending in _queues[(int)priority])
            {
                if (!pending.IsCompleted)
                {
                    live++;
                }
            }

            return live;
        }
    }

    /// <summary>Removes every queued request and fails the live ones with the error <paramref name="errorFor"/> makes.</summary>
    public List<PendingRequest> FailAll(Func<PendingRequest, Exception> errorFor)
    {
        var failed = new List<PendingRequest>();
        lock (_gate)
        {
            foreach (Queue<PendingRequest> queue in _queues)
            {
                while (queue.TryDequeue(out PendingRequest? pending))
                {
                    if (pending.TryFail(errorFor(pending)))
                    {
                        failed.Add(pending);
                    }

                    pending.Release();
                }
            }
        }

        return failed;
    }

    public void Dispose()
    {
        _anyQueued.Dispose();
        _criticalQueued.Dispose();
    }

    private static void DropCompleted(Queue<PendingRequest> queue)
    {
        int count = queue.Count;
        for (int i = 0; i < count; i++)
        {
            PendingRequest pending = queue.Dequeue();
            if (pending.IsCompleted)
            {
                pending.Release();
            }
            else
            {
                queue.Enqueue(pending);
            }
        }
    }
}
