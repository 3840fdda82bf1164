// begin example
using LowLatency.Engine.Strategies;
using LowLatency.Feeds.Model;

public sealed class QuoteCounter : IStrategy
{
    private readonly TaskCompletionSource _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _count;

    public Task FirstQuote => _first.Task;

    public long Count => Interlocked.Read(ref _count);

    // Called on the signal thread, in order, after the caches show the event.
    public void OnEvent(ref readonly MarketEvent marketEvent)
    {
        if (marketEvent.Kind != MarketEventKind.BestBidOffer)
            return;
        if (Interlocked.Increment(ref _count) == 1)
            _first.TrySetResult();
    }
}
// end example
