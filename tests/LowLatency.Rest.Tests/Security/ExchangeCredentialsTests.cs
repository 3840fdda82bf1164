using LowLatency.Rest.Signing;

namespace LowLatency.Rest.Tests.Security;

public sealed class ExchangeCredentialsTests
{
    [Fact]
    public void ToString_names_the_exchange_and_redacts_key_secret_and_passphrase()
    {
        var credentials = new ExchangeCredentials("kucoin", "the-api-key-value", "the-secret-value", "the-passphrase");

        string text = credentials.ToString();

        Assert.Contains("kucoin", text);
        Assert.DoesNotContain("the-api-key-value", text);
        Assert.DoesNotContain("the-secret-value", text);
        Assert.DoesNotContain("the-passphrase", text);
        Assert.DoesNotContain("the-secret-value", $"{credentials}");
    }

    [Fact]
    public void Credentials_are_read_from_LOWLATENCY_exchange_variables()
    {
        var variables = new Dictionary<string, string>
        {
            ["LOWLATENCY_KUCOIN_API_KEY"] = "k",
            ["LOWLATENCY_KUCOIN_API_SECRET"] = "s",
            ["LOWLATENCY_KUCOIN_API_PASSPHRASE"] = "p",
        };

        ExchangeCredentials? credentials = ExchangeCredentials.FromLookup("kucoin", name => variables.GetValueOrDefault(name));

        Assert.NotNull(credentials);
        Assert.Equal("k", credentials.ApiKey);
        Assert.Equal("s"u8.ToArray(), credentials.SecretUtf8.ToArray());
        Assert.Equal("p", credentials.Passphrase);
    }

    [Fact]
    public void Missing_secret_means_no_credentials()
    {
        var variables = new Dictionary<string, string> { ["LOWLATENCY_BINANCE_API_KEY"] = "k" };

        Assert.Null(ExchangeCredentials.FromLookup("binance", name => variables.GetValueOrDefault(name)));
    }

    [Fact]
    public void Credentials_are_read_from_the_process_environment()
    {
        string exchange = "envtest" + Guid.NewGuid().ToString("N")[..8];
        string prefix = "LOWLATENCY_" + exchange.ToUpperInvariant() + "_API_";
        Environment.SetEnvironmentVariable(prefix + "KEY", "env-key");
        Environment.SetEnvironmentVariable(prefix + "SECRET", "env-secret");
        try
        {
            ExchangeCredentials? credentials = ExchangeCredentials.FromEnvironment(exchange);

            Assert.Equal("env-key", credentials?.ApiKey);
            Assert.Null(credentials?.Passphrase);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "KEY", null);
            Environment.SetEnvironmentVariable(prefix + "SECRET", null);
        }
    }
}
