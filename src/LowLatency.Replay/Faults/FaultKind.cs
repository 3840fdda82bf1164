namespace LowLatency.Replay.Faults;

/// <summary>The faults the replayer can inject (see <see cref="FaultSpec"/> for the spec syntax).</summary>
public enum FaultKind : byte
{
    /// <summary><c>disconnect</c>: the connection is dropped instead of sending the message (without a close frame unless <c>code=</c> is given).</summary>
    Disconnect,

    /// <summary><c>stall</c>: nothing is sent for <c>for=</c> a duration before the message (pongs and acks wait too).</summary>
    Stall,

    /// <summary><c>duplicate</c>: the message is sent twice in a row.</summary>
    Duplicate,

    /// <summary><c>reorder</c>: the message and the <c>window=</c>−1 after it are sent in a shuffled order (never the original one).</summary>
    Reorder,

    /// <summary><c>drop</c>: the message is not sent (a sequence gap).</summary>
    Drop,

    /// <summary><c>corrupt</c>: <c>bytes=</c> ASCII bytes of the message are replaced by other printable ASCII bytes (the frame stays valid UTF-8).</summary>
    Corrupt,

    /// <summary><c>truncate</c>: the message's frame header and only part of its payload are sent, then the connection is dropped.</summary>
    Truncate,

    /// <summary><c>refuse</c>: the next <c>count=</c> connection attempts are refused (HTTP <c>status=</c>, 503 by default; 0 closes the TCP connection unanswered).</summary>
    Refuse,

    /// <summary><c>rest</c>: REST requests are answered with HTTP <c>status=</c> (429 gets <c>Retry-After: 1</c>).</summary>
    Rest,
}
