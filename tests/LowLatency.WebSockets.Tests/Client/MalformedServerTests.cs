using LowLatency.WebSockets.Client;
using LowLatency.WebSockets.Compression;
using LowLatency.WebSockets.Tests.Infrastructure;

namespace LowLatency.WebSockets.Tests.Client;

/// <summary>
/// A raw server sends one protocol violation per case; our client must answer with the right
/// close code, end with a typed <see cref="WebSocketProtocolException"/> naming what it got, and
/// leave the process (and the next connection) unharmed.
/// </summary>
public sealed class MalformedServerTests
{
    public static TheoryData<string, string, WebSocketCloseCode, string> Violations => new()
    {
        { "masked server frame", "81 85 01 02 03 04 69 67 6F 68 6E", WebSocketCloseCode.ProtocolError, "masked" },
        { "fragmented ping", "09 00", WebSocketCloseCode.ProtocolError, "fragmented" },
        { "126-byte ping", "89 7E 00 7E " + Repeat("41 ", 126), WebSocketCloseCode.ProtocolError, "125" },
        { "reserved data opcode 0x3", "83 01 61", WebSocketCloseCode.ProtocolError, "reserved data opcode 0x3" },
        { "reserved control opcode 0xB", "8B 00", WebSocketCloseCode.ProtocolError, "reserved control opcode 0xB" },
        { "RSV1 without extension", "C1 01 61", WebSocketCloseCode.ProtocolError, "RSV1" },
        { "RSV2", "A1 01 61", WebSocketCloseCode.ProtocolError, "RSV2" },
        { "RSV3", "91 01 61", WebSocketCloseCode.ProtocolError, "RSV3" },
        { "continuation without start", "80 01 61", WebSocketCloseCode.ProtocolError, "continuation" },
        { "new data frame inside fragmented message", "01 01 61 81 01 62", WebSocketCloseCode.ProtocolError, "fragmented message" },
        { "64-bit length with high bit", "82 7F 80 00 00 00 00 00 00 01", WebSocketCloseCode.ProtocolError, "most significant bit" },
        { "close with 1-byte body", "88 01 03", WebSocketCloseCode.ProtocolError, "1-byte" },
        { "close with status 1005", "88 02 03 ED", WebSocketCloseCode.ProtocolError, "1005" },
        { "close with status 999", "88 02 03 E7", WebSocketCloseCode.ProtocolError, "999" },
        { "close reason not UTF-8", "88 04 03 E8 C3 28", WebSocketCloseCode.InvalidPayloadData, "UTF-8" },
        { "invalid UTF-8 text", "81 02 C3 28", WebSocketCloseCode.InvalidPayloadData, "UTF-8" },
        { "UTF-8 broken across fragments", "01 01 E2 80 02 28 A1", WebSocketCloseCode.InvalidPayloadData, "UTF-8" },
        { "text ending inside a code point", "01 01 61 80 01 E2", WebSocketCloseCode.InvalidPayloadData, "UTF-8" },
        { "message over the size limit", "82 7E 08 00", WebSocketCloseCode.MessageTooBig, "1009" },
        { "fragments over the size limit", "02 7E 03 00 " + Repeat("00 ", 768) + "80 7E 01 01", WebSocketCloseCode.MessageTooBig, "1009" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public async Task Client_fails_the_connection_with_the_right_code(string violation, string hex, WebSocketCloseCode expected, string messagePart)
    {
        using var server = new RawFrameServer();
        Task<RawClientSession> session = server.AcceptAndSendAsync(Convert.FromHexString(hex.Replace(" ", "")));
        await using WebSocketConnection connection = await WebSocketClient.ConnectAsync(server.Url, new WebSocketClientOptions { MaxMessageSize = 1024 });
        connection.StartReceiving(new RecordingHandler());
        using RawClientSession raw = await session;

        WebSocketCloseInfo closed = await connection.Completion.WaitAsync(TimeSpan.FromSeconds(20));
        int codeOnWire = await raw.ReadCloseCodeAsync();

        var error = Assert.IsType<WebSocketProtocolException>(closed.Error);
        Assert.True(error.CloseCode == expected, $"{violation}: got {error.CloseCode} ({error.Message})");
        Assert.Equal(expected, closed.Code);
        Assert.Equal((int)expected, codeOnWire);
        Assert.Contains(messagePart, error.Message);
        Assert.Contains("RFC", error.Message);
    }

    [Fact]
    public async Task Client_rejects_corrupt_compressed_data_with_1007()
    {
        using var server = new RawFrameServer();
        Task<RawClientSession> session = server.AcceptAndSendAsync(Convert.FromHexString("C104FFFFFFFF"), "permessage-deflate");
        await using WebSocketConnection connection = await WebSocketClient.ConnectAsync(server.Url,
            new WebSocketClientOptions { PerMessageDeflate = new PerMessageDeflateOptions() });
        connection.StartReceiving(new RecordingHandler());
        using RawClientSession raw = await session;

        WebSocketCloseInfo closed = await connection.Completion.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(WebSocketCloseCode.InvalidPayloadData, Assert.IsType<WebSocketProtocolException>(closed.Error).CloseCode);
        Assert.Equal(1007, await raw.ReadCloseCodeAsync());
    }

    [Fact]
    public async Task Client_stops_a_deflate_bomb_at_the_message_limit_with_1009()
    {
        // 1 MiB of zeros deflates to about a kilobyte; the limit is 64 KiB.
        byte[] bomb = MessageDeflater.CompressStandalone(new byte[1024 * 1024]);
        byte[] frame = new byte[bomb.Length + 4];
        int written = LowLatency.WebSockets.Protocol.FrameEncoder.WriteFrame(frame, LowLatency.WebSockets.Protocol.WebSocketOpcode.Binary, bomb, rsv1: true);
        using var server = new RawFrameServer();
        Task<RawClientSession> session = server.AcceptAndSendAsync(frame[..written], "permessage-deflate");
        await using WebSocketConnection connection = await WebSocketClient.ConnectAsync(server.Url,
            new WebSocketClientOptions { PerMessageDeflate = new PerMessageDeflateOptions(), MaxMessageSize = 64 * 1024 });
        connection.StartReceiving(new RecordingHandler());
        using RawClientSession raw = await session;

        WebSocketCloseInfo closed = await connection.Completion.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(WebSocketCloseCode.MessageTooBig, Assert.IsType<WebSocketProtocolException>(closed.Error).CloseCode);
        Assert.Equal(1009, await raw.ReadCloseCodeAsync());
    }

    [Fact]
    public async Task Client_keeps_working_for_the_next_connection_after_a_protocol_error()
    {
        using var server = new RawFrameServer();
        Task<RawClientSession> bad = server.AcceptAndSendAsync(Convert.FromHexString("8300"));
        await using (WebSocketConnection first = await WebSocketClient.ConnectAsync(server.Url))
        {
            first.StartReceiving(new RecordingHandler());
            using RawClientSession _ = await bad;
            await first.Completion.WaitAsync(TimeSpan.FromSeconds(20));
        }

        Task<RawClientSession> good = server.AcceptAndSendAsync(Convert.FromHexString("81026869" + "880203E8"));
        await using WebSocketConnection second = await WebSocketClient.ConnectAsync(server.Url);
        var messages = new RecordingHandler();
        second.StartReceiving(messages);
        using RawClientSession raw = await good;

        Assert.Equal("hi", (await messages.NextAsync()).Text);
        WebSocketCloseInfo closed = await second.Completion.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(WebSocketCloseCode.NormalClosure, closed.Code);
        Assert.True(closed.IsClean);
    }

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));
}
