using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using LowLatency.WebSockets.Client;
using LowLatency.WebSockets.Server;
using LowLatency.WebSockets.Tests.Infrastructure;

namespace LowLatency.WebSockets.Tests.Tls;

/// <summary>wss against a local TLS server whose certificate the test made: refused unless the test CA is trusted.</summary>
public sealed class WssTests : IClassFixture<WssTests.Certificates>
{
    private readonly TestCertificates _certificates;

    public WssTests(Certificates fixture) => _certificates = fixture.Value;

    [Fact]
    public async Task Client_refuses_a_certificate_from_an_untrusted_authority_by_default()
    {
        await using var server = new EchoServer(new WebSocketListenerOptions { ServerCertificate = _certificates.Server });

        var error = await Assert.ThrowsAsync<AuthenticationException>(() => WebSocketClient.ConnectAsync(server.Url));

        Assert.Contains("certificate", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Client_accepts_the_certificate_when_the_test_authority_is_passed_in()
    {
        await using var server = new EchoServer(new WebSocketListenerOptions { ServerCertificate = _certificates.Server });
        var options = new WebSocketClientOptions { TrustedRootCertificates = [_certificates.AuthorityPublic] };
        await using WebSocketConnection connection = await WebSocketClient.ConnectAsync(server.Url, options);
        var messages = new RecordingHandler();
        connection.StartReceiving(messages);

        await connection.SendTextAsync("over tls");
        byte[] big = new byte[300_000];
        new Random(5).NextBytes(big);
        await connection.SendAsync(big, WebSocketMessageType.Binary);

        Assert.Equal("over tls", (await messages.NextAsync()).Text);
        Assert.Equal(big, (await messages.NextAsync()).Payload);
        Assert.True((await connection.CloseAsync()).IsClean);
    }

    [Fact]
    public async Task Client_refuses_a_trusted_certificate_issued_for_another_host_name()
    {
        await using var server = new EchoServer(new WebSocketListenerOptions { ServerCertificate = _certificates.Server });
        var options = new WebSocketClientOptions { TrustedRootCertificates = [_certificates.AuthorityPublic] };
        // The certificate names only "localhost"; the same server reached as 127.0.0.1 must not pass.
        var wrongName = new UriBuilder(server.Url) { Host = "127.0.0.1" }.Uri;

        await Assert.ThrowsAsync<AuthenticationException>(() => WebSocketClient.ConnectAsync(wrongName, options));
    }

    [Fact]
    public async Task Client_refuses_the_certificate_when_another_authority_is_trusted()
    {
        await using var server = new EchoServer(new WebSocketListenerOptions { ServerCertificate = _certificates.Server });
        using var other = new TestCertificates();
        var options = new WebSocketClientOptions { TrustedRootCertificates = [other.AuthorityPublic] };

        await Assert.ThrowsAsync<AuthenticationException>(() => WebSocketClient.ConnectAsync(server.Url, options));
    }

    public sealed class Certificates : IDisposable
    {
        public TestCertificates Value { get; } = new();

        public void Dispose() => Value.Dispose();
    }
}
