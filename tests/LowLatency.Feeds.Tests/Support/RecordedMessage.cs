namespace LowLatency.Feeds.Tests.Support;

/// <summary>One record of a recorded feed: a received frame (no URL) or a REST response (its URL).</summary>
internal sealed record RecordedMessage(long TimestampNs, byte[]? Url, byte[] Body)
{
    public bool IsRest => Url is not null;
}
