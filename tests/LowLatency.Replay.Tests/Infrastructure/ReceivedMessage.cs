namespace LowLatency.Replay.Tests.Infrastructure;

/// <summary>A message our test client received, copied, with its receive time.</summary>
public sealed record ReceivedMessage(byte[] Payload, long ReceiveTimestamp)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Payload);
}
