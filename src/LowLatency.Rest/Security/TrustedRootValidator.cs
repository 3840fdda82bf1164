using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace LowLatency.Rest.Security;

/// <summary>
/// Server certificate validation that accepts chains ending at extra trusted roots (a private CA)
/// in addition to the system's, while still rejecting a wrong host name or a missing certificate.
/// </summary>
/// <remarks>
/// Only the chain-trust decision is widened; revocation is not checked for chains to the extra
/// roots because a private CA publishes no revocation list. There is deliberately no way to accept
/// any certificate.
/// </remarks>
internal sealed class TrustedRootValidator(X509Certificate2Collection trustedRoots)
{
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(trustedRoots);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            foreach (X509ChainElement element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        if (certificate is X509Certificate2 certificate2)
        {
            return custom.Build(certificate2);
        }

        using X509Certificate2 copy = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return custom.Build(copy);
    }
}
