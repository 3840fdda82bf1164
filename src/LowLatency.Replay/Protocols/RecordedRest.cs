using System.Text;
using LowLatency.Replay.Feed;
using LowLatency.Replay.Rest;

namespace LowLatency.Replay.Protocols;

/// <summary>Recorded HTTP responses served back by path: a request for the same path and symbol gets the recorded body.</summary>
internal static class RecordedRest
{
    /// <summary>Keeps a recorded response under its URL path, for the symbol in query parameter <paramref name="symbolParameter"/>.</summary>
    public static RecordedRestResponse? FromUrl(ReadOnlySpan<byte> url, ReadOnlyMemory<byte> body, long timestampNs, int position, string symbolParameter)
    {
        if (!Uri.TryCreate(Encoding.UTF8.GetString(url), UriKind.Absolute, out var uri))
            return null;
        return new RecordedRestResponse(uri.AbsolutePath, QueryString.Get(uri.Query.TrimStart('?'), symbolParameter), timestampNs, position, body.ToArray());
    }

    /// <summary>The recorded body for the request's path and symbol, or null.</summary>
    public static RestAnswer? Answer(RestRequest request, RestContext context, string symbolParameter)
    {
        var symbol = request.Parameter(symbolParameter) ?? string.Empty;
        return context.Recorded(request.Path, symbol) is { } recorded ? RestAnswer.Ok(recorded.Body) : null;
    }
}
