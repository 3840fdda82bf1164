namespace LowLatency.Feeds.Books;

/// <summary>Services the snapshot requests of books (REST fetch or resubscription).</summary>
/// <remarks>
/// Called on the thread that owns the books, once per resync episode of a book; the handler must
/// not block that thread (hand the request to the REST lane or the connection and return).
/// </remarks>
public interface IBookResyncHandler
{
    /// <summary>The book of <paramref name="instrumentId"/> needs a new snapshot because of <paramref name="reason"/>.</summary>
    void OnSnapshotRequired(int instrumentId, ResyncReason reason);
}
