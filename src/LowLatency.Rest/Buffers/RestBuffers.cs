using System.Text;
using Microsoft.Extensions.ObjectPool;

namespace LowLatency.Rest.Buffers;

/// <summary>The pooled buffers the REST lane builds query strings, bodies and signing payloads in.</summary>
/// <remarks>
/// REST requests are not the hot path, but an engine falling back to REST for many instruments
/// builds thousands of query strings; pooling keeps that from growing the heap steadily. Builders
/// grown past <see cref="MaximumRetainedCapacity"/> are dropped instead of kept.
/// </remarks>
public static class RestBuffers
{
    /// <summary>The capacity a fresh builder starts with.</summary>
    public const int InitialCapacity = 256;

    /// <summary>Builders larger than this are not returned to the pool.</summary>
    public const int MaximumRetainedCapacity = 16 * 1024;

    /// <summary>The shared pool of string builders.</summary>
    public static ObjectPool<StringBuilder> StringBuilders { get; } =
        new DefaultObjectPoolProvider().CreateStringBuilderPool(InitialCapacity, MaximumRetainedCapacity);
}
