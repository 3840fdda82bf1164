namespace LowLatency.Replay.Feed;

/// <summary>What a protocol's classifier says about one recorded message (reused from message to message while loading).</summary>
internal sealed class ClassifiedMessage
{
    public ClassifiedMessage(int variants) => Payloads = new ReadOnlyMemory<byte>[variants];

    public MessageClass Class { get; set; }

    /// <summary>For <see cref="MessageClass.Data"/>: the key.</summary>
    public StreamKey Key { get; set; }

    /// <summary>For <see cref="MessageClass.Data"/>: the payload of each frame variant (variant 0 preset to the recorded message).</summary>
    public ReadOnlyMemory<byte>[] Payloads { get; }

    /// <summary>For <see cref="MessageClass.RestSnapshot"/>: the response to serve.</summary>
    public RecordedRestResponse? Snapshot { get; set; }

    public void Reset(ReadOnlyMemory<byte> message)
    {
        Class = MessageClass.Unrouted;
        Key = default;
        Snapshot = null;
        Payloads.AsSpan().Clear();
        Payloads[0] = message;
    }
}
