namespace LowLatency.Replay.Protocols;

/// <summary>What a session asks its connection to do, executed in call order on the connection's send loop.</summary>
/// <remarks>
/// Answers and subscription changes go through one queue with the data, so an ack always reaches
/// the client before the first message of the subscription it acknowledges.
/// </remarks>
internal interface ISessionOutput
{
    /// <summary>Sends a text message (an ack, a pong, a welcome).</summary>
    void Send(string text);

    /// <summary>Starts serving messages of key <paramref name="keyId"/>.</summary>
    void Subscribe(int keyId);

    /// <summary>Stops serving messages of key <paramref name="keyId"/>.</summary>
    void Unsubscribe(int keyId);

    /// <summary>Serves the following messages in frame variant <paramref name="variant"/> (Binance's <c>combined</c> property).</summary>
    void SetVariant(int variant);
}
