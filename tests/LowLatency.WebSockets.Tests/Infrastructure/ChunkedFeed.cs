using System.Buffers;
using LowLatency.WebSockets.Protocol;

namespace LowLatency.WebSockets.Tests.Infrastructure;

/// <summary>
/// Feeds a byte stream to a <see cref="WebSocketMessageDecoder"/> the way a pipe would: the bytes
/// arrive in chunks (each its own segment), and unconsumed bytes stay in front of the next chunk.
/// </summary>
public static class ChunkedFeed
{
    /// <summary>Decodes <paramref name="stream"/> arriving in chunks cut at <paramref name="cuts"/>; returns what was delivered.</summary>
    public static List<string> Run(WebSocketMessageDecoder decoder, byte[] stream, IEnumerable<int> cuts)
    {
        var collector = new Collector { Events = [] };
        var pending = new List<byte[]>();
        int offset = 0;
        int previous = 0;
        foreach (int cut in cuts.Append(stream.Length).Where(c => c > 0 && c <= stream.Length).Distinct().Order())
        {
            pending.Add(stream[previous..cut]);
            previous = cut;
            ReadOnlySequence<byte> all = Build(pending, offset);
            ReadOnlySequence<byte> buffer = all;
            while (true)
            {
                WebSocketDecodeStatus status = decoder.Decode(ref buffer, 0, ref collector);
                if (status == WebSocketDecodeStatus.NeedMoreData)
                    break;
                collector.Events.Add(status == WebSocketDecodeStatus.Close
                    ? $"Close:{(int)decoder.CloseCode}:{decoder.CloseReason}"
                    : $"{status}:{Convert.ToHexString(decoder.ControlPayload)}");
            }
            long consumed = all.Length - buffer.Length;
            while (consumed > 0)
            {
                int available = pending[0].Length - offset;
                if (consumed >= available)
                {
                    consumed -= available;
                    pending.RemoveAt(0);
                    offset = 0;
                }
                else
                {
                    offset += (int)consumed;
                    consumed = 0;
                }
            }
        }
        return collector.Events;
    }

    private static ReadOnlySequence<byte> Build(List<byte[]> chunks, int offset)
    {
        if (chunks.Count == 0)
            return ReadOnlySequence<byte>.Empty;
        var first = new Segment(chunks[0].AsMemory(offset), 0);
        Segment last = first;
        for (int i = 1; i < chunks.Count; i++)
            last = last.Append(chunks[i]);
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private struct Collector : IWebSocketMessageHandler
    {
        public List<string> Events;

        public readonly void OnMessage(in WebSocketMessage message) =>
            Events.Add($"{message.Type}:{Convert.ToHexString(message.Payload.ToArray())}");
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
