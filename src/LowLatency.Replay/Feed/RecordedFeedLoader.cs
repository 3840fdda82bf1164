using System.Text.Unicode;
using LowLatency.Replay.Capture;
using LowLatency.Replay.Market;
using LowLatency.Replay.Protocols;
using LowLatency.WebSockets.Protocol;

namespace LowLatency.Replay.Feed;

/// <summary>Reads a capture through a protocol's classifier and encodes the frames of a <see cref="RecordedFeed"/>.</summary>
internal static class RecordedFeedLoader
{
    public static RecordedFeed Load(ExchangeProtocol protocol, ICaptureReader reader)
    {
        var classifier = protocol.CreateClassifier();
        var variants = protocol.FrameVariants;
        var keys = new StreamKeyTable();
        var tape = new MarketTape();
        var rest = new List<RecordedRestResponse>();
        var timestamps = new List<long>();
        var keyIds = new List<int>();
        var arenas = new ArenaBuilder[variants];
        for (var v = 0; v < variants; v++)
            arenas[v] = new ArenaBuilder();
        var classified = new ClassifiedMessage(variants);
        int session = 0, unrouted = 0;

        while (reader.TryRead(out var record))
        {
            switch (record.Kind)
            {
                case CaptureRecordKind.Received:
                    classified.Reset(record.Body);
                    if (Utf8.IsValid(record.Body.Span))
                        classifier.Classify(record.Body, record.TimestampNs, timestamps.Count, classified, tape);
                    switch (classified.Class)
                    {
                        case MessageClass.Data:
                            timestamps.Add(record.TimestampNs);
                            keyIds.Add(keys.GetOrAdd(classified.Key));
                            for (var v = 0; v < variants; v++)
                                arenas[v].AppendTextFrame(classified.Payloads[v].Span, source: reader.Source);
                            break;
                        case MessageClass.RestSnapshot:
                            rest.Add(classified.Snapshot!);
                            break;
                        case MessageClass.Session:
                            session++;
                            break;
                        default:
                            unrouted++;
                            break;
                    }
                    break;
                case CaptureRecordKind.RestResponse:
                    if (classifier.ClassifyRest(record.Url.Span, record.Body, record.TimestampNs, timestamps.Count) is { } response)
                        rest.Add(response);
                    break;
                default:
                    // Connects and the recorder's own sent frames are not part of what the exchange served.
                    break;
            }
        }
        var resolved = classifier.Complete(rest);
        return new RecordedFeed(protocol.Name, reader.Source, [.. timestamps], [.. keyIds],
            arenas.Select(a => a.ToArena()).ToArray(), arenas.Select(a => a.ToStarts()).ToArray(), arenas.Select(a => a.ToHeaderLengths()).ToArray(),
            keys, resolved, tape, session, unrouted);
    }

    /// <summary>One variant's frames back to back, with where each starts.</summary>
    private sealed class ArenaBuilder
    {
        private byte[] _bytes = new byte[1 << 16];
        private int _length;
        private readonly List<int> _starts = [0];
        private readonly List<byte> _headers = [];

        public void AppendTextFrame(ReadOnlySpan<byte> payload, string source)
        {
            var frameLength = FrameEncoder.GetFrameLength(payload.Length, masked: false);
            if (_length + frameLength > Array.MaxLength)
                throw new NotSupportedException($"{source}: the encoded frames exceed {Array.MaxLength} bytes; split the capture into smaller files.");
            EnsureCapacity(_length + (int)frameLength);
            var written = FrameEncoder.WriteFrame(_bytes.AsSpan(_length), WebSocketOpcode.Text, payload);
            _headers.Add((byte)(written - payload.Length));
            _length += written;
            _starts.Add(_length);
        }

        public byte[] ToArena() => _bytes.AsSpan(0, _length).ToArray();

        public int[] ToStarts() => [.. _starts];

        public byte[] ToHeaderLengths() => [.. _headers];

        private void EnsureCapacity(int needed)
        {
            if (needed <= _bytes.Length)
                return;
            var size = (int)Math.Min(Array.MaxLength, Math.Max((long)_bytes.Length * 2, needed));
            Array.Resize(ref _bytes, size);
        }
    }
}
