using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LowLatency.Rest.Tests.Infrastructure;

/// <summary>A throw-away certificate authority and server certificates it issues, made in memory.</summary>
public sealed class TestCertificates : IDisposable
{
    public TestCertificates()
    {
        using RSA caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=LowLatency Test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, critical: false));
        DateTimeOffset now = DateTimeOffset.UtcNow;
        using X509Certificate2 caWithKey = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        Authority = X509CertificateLoader.LoadPkcs12(caWithKey.Export(X509ContentType.Pkcs12), password: null);
        AuthorityPublic = X509CertificateLoader.LoadCertificate(caWithKey.Export(X509ContentType.Cert));
    }

    /// <summary>The CA with its private key (to issue certificates).</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>The CA certificate alone, as a client would be given it.</summary>
    public X509Certificate2 AuthorityPublic { get; }

    /// <summary>A server certificate for <paramref name="ipAddress"/>, issued by <see cref="Authority"/>, with its key.</summary>
    public X509Certificate2 IssueServerCertificate(IPAddress ipAddress)
    {
        using RSA key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={ipAddress}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(ipAddress);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        DateTimeOffset now = DateTimeOffset.UtcNow;
        byte[] serial = RandomNumberGenerator.GetBytes(8);
        using X509Certificate2 issued = request.Create(Authority, now.AddDays(-1), now.AddDays(7), serial);
        using X509Certificate2 withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), password: null);
    }

    public void Dispose()
    {
        Authority.Dispose();
        AuthorityPublic.Dispose();
    }
}
