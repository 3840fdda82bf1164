using System.Text;
using FsCheck;
using FsCheck.Fluent;
using LowLatency.Rest.Buffers;

namespace LowLatency.Rest.Tests.Buffers;

public sealed class QueryStringBuilderTests
{
    [Fact]
    public void Parameters_are_joined_with_ampersands_in_order()
    {
        using QueryStringBuilder query = QueryStringBuilder.Rent();
        query.Add("symbol", "BTCUSDT");
        query.Add("limit", 100);
        query.Add("price", 0.10m);

        Assert.Equal("symbol=BTCUSDT&limit=100&price=0.10", query.ToString());
    }

    [Fact]
    public void Reserved_and_non_ascii_characters_are_percent_encoded_as_utf8()
    {
        using QueryStringBuilder query = QueryStringBuilder.Rent();
        query.Add("note", "a b&c=d/é€");

        Assert.Equal("note=a%20b%26c%3Dd%2F%C3%A9%E2%82%AC", query.ToString());
    }

    [Fact]
    public void Building_a_query_from_the_pool_allocates_only_the_resulting_string()
    {
        string Build()
        {
            using QueryStringBuilder query = QueryStringBuilder.Rent();
            query.Add("symbol", "BTCUSDT");
            query.Add("limit", 1000);
            query.Add("side", "BUY");
            return query.ToString();
        }

        int length = Build().Length;
        long stringOnly = AllocatedBy(() => new string('x', length));
        long built = AllocatedBy(() => Build());

        Assert.Equal(stringOnly, built);
    }

    [Fact]
    public void Builder_used_after_dispose_is_refused()
    {
        QueryStringBuilder query = QueryStringBuilder.Rent();
        query.Dispose();

        try
        {
            query.Add("a", "b");
            Assert.Fail("Adding to a disposed builder must throw.");
        }
        catch (ObjectDisposedException)
        {
        }
    }

    [Fact]
    public void Encoded_value_decodes_back_to_the_original_and_uses_only_unreserved_characters_and_escapes()
    {
        Prop.ForAll<string>(value =>
        {
            value ??= string.Empty;
            if (!IsWellFormed(value))
            {
                return true;
            }

            var builder = new StringBuilder();
            QueryStringBuilder.AppendEncoded(builder, value);
            string encoded = builder.ToString();
            return Uri.UnescapeDataString(encoded) == value
                && encoded.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' or '%');
        }).QuickCheckThrowOnFailure();
    }

    private static long AllocatedBy(Func<string> action)
    {
        action();
        long before = GC.GetAllocatedBytesForCurrentThread();
        string result = action();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(result);
        return allocated;
    }

    private static bool IsWellFormed(string value)
    {
        for (int i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }
}
