using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using LowLatency.Cli.Commands;
using LowLatency.WebSockets.Server;

namespace LowLatency.Cli.Tests.Ws;

/// <summary><c>lowlatency ws</c> end to end, through <see cref="CommandCatalog.RunAsync"/> with captured output.</summary>
public sealed class WsCommandTests
{
    [Fact]
    public async Task Ws_sends_each_text_prints_each_reply_and_stops_after_count()
    {
        await using var server = new WsTestServer();

        (int exit, string output, string error) = await RunAsync("ws", server.Url.ToString(), "--send", "hello", "--send", "bin", "--count", "2", "--timeout", "20");

        Assert.True(exit == 0, error);
        Assert.Equal(["echo: hello", "<binary 3 bytes>", "closed 1000"], Lines(output));
    }

    [Fact]
    public async Task Ws_prints_the_close_code_and_exits_zero_on_a_normal_close()
    {
        await using var server = new WsTestServer();

        (int exit, string output, string error) = await RunAsync("ws", server.Url.ToString(), "--send", "a", "--send", "close", "--timeout", "20");

        Assert.True(exit == 0, error);
        Assert.Equal(["echo: a", "closed 1000"], Lines(output));
    }

    [Fact]
    public async Task Ws_exits_non_zero_with_one_line_when_the_server_closes_with_an_error_code()
    {
        await using var server = new WsTestServer();

        (int exit, string output, string error) = await RunAsync("ws", server.Url.ToString(), "--send", "fail", "--timeout", "20");

        Assert.Equal(1, exit);
        Assert.Equal(["closed 1011"], Lines(output));
        Assert.Single(Lines(error));
        Assert.Contains("1011", error);
    }

    [Fact]
    public async Task Ws_prints_timeout_when_nothing_ends_the_session_in_time()
    {
        await using var server = new WsTestServer();

        (int exit, string output, string error) = await RunAsync("ws", server.Url.ToString(), "--send", "silent", "--timeout", "0.3");

        Assert.Equal(1, exit);
        Assert.Equal(["timeout"], Lines(output));
        Assert.Single(Lines(error));
    }

    [Fact]
    public async Task Ws_negotiates_permessage_deflate_when_asked()
    {
        await using var server = new WsTestServer(deflate: true);

        (int exit, string output, string error) = await RunAsync("ws", server.Url.ToString(), "--deflate", "--send", "compressed?", "--count", "1", "--timeout", "20");

        Assert.True(exit == 0, error);
        Assert.Equal("echo: compressed?", Lines(output)[0]);
        Assert.True(server.LastNegotiatedDeflate);
    }

    [Fact]
    public async Task Ws_trusts_a_wss_server_only_with_its_ca_file()
    {
        using var ca = CreateAuthority(out X509Certificate2 serverCertificate);
        using (serverCertificate)
        {
            await using var server = new WsTestServer(new WebSocketListenerOptions { ServerCertificate = serverCertificate });
            string caPath = Path.Combine(Path.GetTempPath(), $"lowlatency-ca-{Guid.NewGuid():N}.pem");
            await File.WriteAllTextAsync(caPath, ca.ExportCertificatePem());
            try
            {
                (int refused, string refusedOutput, string refusedError) = await RunAsync("ws", server.Url.ToString(), "--send", "x", "--count", "1", "--timeout", "20");
                (int exit, string output, string error) = await RunAsync("ws", server.Url.ToString(), "--ca", caPath, "--send", "x", "--count", "1", "--timeout", "20");

                Assert.Equal(1, refused);
                Assert.Empty(refusedOutput);
                Assert.Single(Lines(refusedError));
                Assert.True(exit == 0, error);
                Assert.Equal(["echo: x", "closed 1000"], Lines(output));
            }
            finally
            {
                File.Delete(caPath);
            }
        }
    }

    [Fact]
    public async Task Ws_reports_an_unreachable_server_in_one_line()
    {
        var port = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        port.Start();
        int free = ((System.Net.IPEndPoint)port.LocalEndpoint).Port;
        port.Stop();

        (int exit, string output, string error) = await RunAsync("ws", $"ws://127.0.0.1:{free}/", "--timeout", "20");

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Single(Lines(error));
    }

    [Theory]
    [InlineData("ws")]
    [InlineData("ws", "http://example.org/")]
    [InlineData("ws", "ws://127.0.0.1:1/", "--count", "zero")]
    [InlineData("ws", "ws://127.0.0.1:1/", "--bogus")]
    [InlineData("ws", "ws://127.0.0.1:1/", "--timeout")]
    public async Task Ws_rejects_bad_arguments_with_exit_code_2(params string[] args)
    {
        (int exit, _, string error) = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Single(Lines(error));
        Assert.StartsWith("lowlatency ws:", error);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = await CommandCatalog.RunAsync(args, output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static X509Certificate2 CreateAuthority(out X509Certificate2 serverCertificate)
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=lowlatency ws test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        DateTimeOffset now = DateTimeOffset.UtcNow;
        X509Certificate2 ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(10));
        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using X509Certificate2 signed = serverRequest.Create(ca, now.AddDays(-1), now.AddDays(9), RandomNumberGenerator.GetBytes(8));
        serverCertificate = X509CertificateLoader.LoadPkcs12(signed.CopyWithPrivateKey(serverKey).Export(X509ContentType.Pkcs12), null);
        return ca;
    }
}
