using LowLatency.Replay.Faults;

namespace LowLatency.Replay.Tests.Faults;

public sealed class FaultSpecTests
{
    [Fact]
    public void After_n_fires_on_message_n_plus_one_once()
    {
        var spec = FaultSpec.Parse("disconnect:after=1000");

        Assert.Equal(FaultKind.Disconnect, spec.Kind);
        Assert.Equal(1001, spec.At);
        Assert.Equal(1, spec.Count);
    }

    [Fact]
    public void Every_and_rate_have_no_count_limit_unless_given()
    {
        Assert.Null(FaultSpec.Parse("drop:every=500").Count);
        Assert.Null(FaultSpec.Parse("drop:rate=0.5,seed=7").Count);
        Assert.Equal(3, FaultSpec.Parse("drop:every=500,count=3").Count);
    }

    [Fact]
    public void Seed_defaults_to_one_and_is_kept_when_given()
    {
        Assert.Equal(1UL, FaultSpec.Parse("drop:rate=0.1").Seed);
        Assert.Equal(7UL, FaultSpec.Parse("drop:every=500,seed=7").Seed);
    }

    [Fact]
    public void Stall_duration_reads_milliseconds_and_seconds()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(500), FaultSpec.Parse("stall:at=3,for=500ms").Duration);
        Assert.Equal(TimeSpan.FromSeconds(1.5), FaultSpec.Parse("stall:at=3,for=1.5s").Duration);
    }

    [Fact]
    public void Kind_specific_parameters_have_defaults()
    {
        Assert.Equal(4, FaultSpec.Parse("reorder:at=1").Window);
        Assert.Equal(1, FaultSpec.Parse("corrupt:every=10").Bytes);
        Assert.Null(FaultSpec.Parse("disconnect:at=3").CloseCode);
        Assert.Equal(1001, FaultSpec.Parse("disconnect:at=3,code=1001").CloseCode);
    }

    [Fact]
    public void Refuse_defaults_to_one_connection_answered_503()
    {
        var spec = FaultSpec.Parse("refuse");

        Assert.Equal(1, spec.Count);
        Assert.Equal(503, spec.Status);
        Assert.Equal(0, FaultSpec.Parse("refuse:count=3,status=0").Status);
    }

    [Fact]
    public void Rest_keeps_status_trigger_and_path()
    {
        var spec = FaultSpec.Parse("rest:status=429,every=3,path=/api/v3/depth");

        Assert.Equal(429, spec.Status);
        Assert.Equal(3, spec.Every);
        Assert.Equal("/api/v3/depth", spec.PathPrefix);
        Assert.False(spec.IsMessageFault);
    }

    [Theory]
    [InlineData("explode:at=1", "unknown kind 'explode'")]
    [InlineData("drop", "needs at=N, after=N, every=K or rate=P")]
    [InlineData("drop:every=0", "every=0 is not a whole number of at least 1")]
    [InlineData("drop:at=3,every=4", "give one of at=, after=, every= or rate=")]
    [InlineData("drop:at=3,after=4", "give at= or after=, not both")]
    [InlineData("drop:rate=1.5", "rate=1.5 is not a probability in (0, 1]")]
    [InlineData("drop:every=5,window=3", "unknown parameter 'window' for drop")]
    [InlineData("drop:every", "'every' is not KEY=VALUE")]
    [InlineData("drop:every=5,every=6", "'every' is given twice")]
    [InlineData("stall:at=1", "stall needs for=DURATION")]
    [InlineData("stall:at=1,for=5", "for=5 is not a duration")]
    [InlineData("reorder:at=1,window=1", "window=1 is not a whole number of at least 2")]
    [InlineData("rest:count=2", "rest needs status=CODE")]
    [InlineData("rest:status=200", "status=200 is not an HTTP error status")]
    [InlineData("refuse:status=302", "status=302 is neither 0")]
    [InlineData("drop:seed=x,every=2", "seed=x is not a whole number")]
    public void Invalid_spec_is_refused_with_what_was_expected(string spec, string message)
    {
        var error = Assert.Throws<FaultSpecException>(() => FaultSpec.Parse(spec));

        Assert.Contains(message, error.Message);
        Assert.StartsWith($"Fault spec '{spec}'", error.Message);
    }

    [Fact]
    public void TryParse_reports_the_error_instead_of_throwing()
    {
        Assert.False(FaultSpec.TryParse("drop:every=x", out var fault, out var error));
        Assert.Null(fault);
        Assert.Contains("every=x", error);
    }
}
