using LowLatency.Rest.Security;

namespace LowLatency.Rest.Tests.Security;

public sealed class SecretRedactorTests
{
    private readonly SecretRedactor _redactor = new(["MyApiKey123456", "MySecretValue987", null, "abc"]);

    [Fact]
    public void Query_keeps_ordinary_parameters_and_masks_secret_ones()
    {
        string redacted = _redactor.RedactQuery("symbol=BTCUSDT&apiKey=zzz&timestamp=1&signature=deadbeef&passphrase=p");

        Assert.Equal("symbol=BTCUSDT&apiKey=***&timestamp=1&signature=***&passphrase=***", redacted);
    }

    [Fact]
    public void Query_parameter_names_are_matched_in_any_case()
    {
        Assert.Equal("SIGNATURE=***&Api_Key=***", _redactor.RedactQuery("SIGNATURE=x&Api_Key=y"));
    }

    [Fact]
    public void Free_text_masks_json_fields_and_assignments_of_secrets()
    {
        string redacted = _redactor.Redact("""{"msg":"bad","apiKey":"k1","signature":"s1","listenKey":"l1","sign": "s2"} and signature=abc&x=1""");

        Assert.Equal("""{"msg":"bad","apiKey":"***","signature":"***","listenKey":"***","sign": "***"} and signature=***&x=1""", redacted);
    }

    [Fact]
    public void Free_text_masks_literal_credentials_wherever_they_appear()
    {
        string redacted = _redactor.Redact("unknown key MyApiKey123456 for user; secret=MySecretValue987 path/MyApiKey123456/x");

        Assert.DoesNotContain("MyApiKey123456", redacted);
        Assert.DoesNotContain("MySecretValue987", redacted);
    }

    [Fact]
    public void Short_literals_are_not_masked_so_ordinary_text_survives()
    {
        Assert.Equal("abc def", _redactor.Redact("abc def"));
    }

    [Fact]
    public void Words_that_merely_contain_a_secret_name_are_left_alone()
    {
        Assert.Equal("designation=1&monkey=2&tokens=3", _redactor.RedactQuery("designation=1&monkey=2&tokens=3"));
        Assert.Equal("designation=1", _redactor.Redact("designation=1"));
    }

    [Fact]
    public void Endpoint_is_path_and_redacted_query()
    {
        Assert.Equal("/api/v3/order?symbol=BTCUSDT&signature=***", _redactor.Endpoint("/api/v3/order", "symbol=BTCUSDT&signature=123"));
        Assert.Equal("/api/v3/time", _redactor.Endpoint("/api/v3/time", null));
    }
}
