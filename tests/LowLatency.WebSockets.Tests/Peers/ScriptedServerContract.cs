using LowLatency.WebSockets.Tests.Infrastructure;

namespace LowLatency.WebSockets.Tests.Peers;

/// <summary>
/// What our client must receive exactly from any independent server; each peer's test class runs
/// the same specification against its own process.
/// </summary>
public abstract class ScriptedServerContract
{
    public static TheoryData<int> Sizes => new() { 0, 1, 125, 126, 127, 65535, 65536, 65537, 1024 * 1024 };

    protected abstract Uri Url { get; }

    protected abstract bool Deflate { get; }

    protected virtual bool CanInterleavePings => true;

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Client_receives_binary_message_of_length_exactly(int size)
    {
        await using var peer = await ScriptedPeer.ConnectAsync(Url, Deflate);
        byte[] payload = ScriptedPeer.Pattern(size, 7);

        ReceivedMessage echo = await peer.EchoAsync(payload, WebSocketMessageType.Binary, compress: Deflate);

        Assert.Equal(WebSocketMessageType.Binary, echo.Type);
        Assert.Equal(payload, echo.Payload);
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Client_receives_text_message_of_length_exactly(int size)
    {
        await using var peer = await ScriptedPeer.ConnectAsync(Url, Deflate);
        byte[] payload = ScriptedPeer.Utf8(new string('z', size));

        ReceivedMessage echo = await peer.EchoAsync(payload, WebSocketMessageType.Text, compress: Deflate);

        Assert.Equal(WebSocketMessageType.Text, echo.Type);
        Assert.Equal(payload, echo.Payload);
    }

    [Fact]
    public async Task Client_receives_multibyte_text_fragmented_into_many_frames()
    {
        await using var peer = await ScriptedPeer.ConnectAsync(Url, Deflate);
        byte[] payload = ScriptedPeer.Utf8(string.Concat(Enumerable.Repeat("héllo wörld € 𝄞 ☃ ", 40)));

        ReceivedMessage echo = await peer.EchoAsync(payload, WebSocketMessageType.Text, fragments: 97, pings: CanInterleavePings, compress: Deflate);

        Assert.Equal(WebSocketMessageType.Text, echo.Type);
        Assert.Equal(payload, echo.Payload);
    }

    [Fact]
    public async Task Client_receives_one_mebibyte_binary_fragmented_into_many_frames()
    {
        await using var peer = await ScriptedPeer.ConnectAsync(Url, Deflate);
        byte[] payload = ScriptedPeer.Pattern(1024 * 1024, 3);

        ReceivedMessage echo = await peer.EchoAsync(payload, WebSocketMessageType.Binary, fragments: 33, pings: CanInterleavePings, compress: Deflate);

        Assert.Equal(payload, echo.Payload);
    }

    [Fact]
    public async Task Client_receives_many_messages_in_order()
    {
        await using var peer = await ScriptedPeer.ConnectAsync(Url, Deflate);
        for (int i = 0; i < 50; i++)
        {
            byte[] payload = ScriptedPeer.Utf8($"{{\"seq\":{i},\"px\":\"{i * 1.5}\"}}");
            ReceivedMessage echo = await peer.EchoAsync(payload, WebSocketMessageType.Text, fragments: 1 + (i % 4), compress: Deflate);
            Assert.Equal(payload, echo.Payload);
        }
    }

    [Fact]
    public async Task Client_answers_server_ping_with_the_same_payload()
    {
        await using var peer = await ScriptedPeer.ConnectAsync(Url, Deflate);

        await peer.SendCommandAsync("""{"cmd":"ping","payload":"ping-42"}""");
        // Our pong and the next command race to the server: ask until it has seen the pong.
        ReceivedMessage pongs;
        int attempts = 0;
        do
        {
            if (attempts++ > 0)
                await Task.Delay(20);
            await peer.SendCommandAsync("""{"cmd":"pongs"}""");
            pongs = await peer.Messages.NextAsync();
        }
        while (pongs.Text.StartsWith("pongs:0", StringComparison.Ordinal) && attempts < 250);

        Assert.StartsWith("pongs:1", pongs.Text);
        if (pongs.Text.Count(c => c == ':') == 2)
            Assert.Equal("pongs:1:ping-42", pongs.Text);
    }

    [Theory]
    [InlineData(1000, "normal")]
    [InlineData(1001, "going away")]
    [InlineData(1011, "server error")]
    [InlineData(4001, "custom application code")]
    public async Task Client_reports_the_server_close_code_and_reason(int code, string reason)
    {
        await using var peer = await ScriptedPeer.ConnectAsync(Url, Deflate);

        await peer.SendCommandAsync($$"""{"cmd":"close","code":{{code}},"reason":"{{reason}}"}""");
        WebSocketCloseInfo closed = await peer.Connection.Completion.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal((WebSocketCloseCode)code, closed.Code);
        Assert.Equal(reason, closed.Reason);
        Assert.True(closed.ClosedByPeer);
        Assert.True(closed.IsClean, closed.Error?.ToString());
    }

    [Fact]
    public async Task Client_close_handshake_completes_with_the_server()
    {
        await using var peer = await ScriptedPeer.ConnectAsync(Url, Deflate);

        WebSocketCloseInfo closed = await peer.Connection.CloseAsync(WebSocketCloseCode.NormalClosure, "client done");

        Assert.Equal(WebSocketCloseCode.NormalClosure, closed.Code);
        Assert.False(closed.ClosedByPeer);
        Assert.True(closed.IsClean, closed.Reason);
    }

    [Fact]
    public async Task Client_negotiates_permessage_deflate_only_when_offered()
    {
        await using var peer = await ScriptedPeer.ConnectAsync(Url, Deflate);

        Assert.Equal(Deflate, peer.Connection.PerMessageDeflate is not null);
    }
}
