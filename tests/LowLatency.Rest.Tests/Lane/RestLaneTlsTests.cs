using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using LowLatency.Rest.Errors;
using LowLatency.Rest.Lane;
using LowLatency.Rest.Resilience;
using LowLatency.Rest.Tests.Infrastructure;

namespace LowLatency.Rest.Tests.Lane;

public sealed class RestLaneTlsTests : IDisposable
{
    private readonly TestCertificates _certificates = new();

    [Fact]
    public async Task Server_certificate_from_an_unknown_authority_is_refused_by_default()
    {
        using X509Certificate2 certificate = _certificates.IssueServerCertificate(IPAddress.Loopback);
        await using var server = TlsServer(certificate);
        await using var lane = new RestLane(Options(server));

        RestTransportException error = await Assert.ThrowsAsync<RestTransportException>(() => lane.GetAsync("/api/v3/time"));

        Assert.Contains("TLS handshake failed", error.Message);
        Assert.True(HasAuthenticationFailure(error), error.ToString());
    }

    [Fact]
    public async Task Server_certificate_from_the_trusted_test_authority_is_accepted()
    {
        using X509Certificate2 certificate = _certificates.IssueServerCertificate(IPAddress.Loopback);
        await using var server = TlsServer(certificate);
        await using var lane = new RestLane(Options(server) with { TrustedRootCertificates = [_certificates.AuthorityPublic] });

        RestResponse response = await lane.GetAsync("/api/v3/time");

        Assert.Equal("""{"serverTime":1}""", response.GetBodyText());
    }

    [Fact]
    public async Task Trusted_authority_does_not_excuse_a_certificate_for_another_host()
    {
        using X509Certificate2 certificate = _certificates.IssueServerCertificate(IPAddress.Parse("127.0.0.2"));
        await using var server = TlsServer(certificate);
        await using var lane = new RestLane(Options(server) with { TrustedRootCertificates = [_certificates.AuthorityPublic] });

        RestTransportException error = await Assert.ThrowsAsync<RestTransportException>(() => lane.GetAsync("/api/v3/time"));

        Assert.True(HasAuthenticationFailure(error), error.ToString());
    }

    public void Dispose() => _certificates.Dispose();

    private static LoopbackHttpServer TlsServer(X509Certificate2 certificate) =>
        new((_, _) => Task.FromResult(ScriptedResponse.Ok("""{"serverTime":1}""")), certificate);

    private static RestLaneOptions Options(LoopbackHttpServer server) =>
        TestLanes.Options(server) with { Retry = new RestRetryOptions { MaxRetryAttempts = 0 } };

    private static bool HasAuthenticationFailure(Exception error)
    {
        for (Exception? inner = error; inner is not null; inner = inner.InnerException)
        {
            if (inner is AuthenticationException)
            {
                return true;
            }
        }

        return false;
    }
}
