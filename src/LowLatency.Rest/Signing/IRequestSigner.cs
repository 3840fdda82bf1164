namespace LowLatency.Rest.Signing;

/// <summary>
/// Turns one attempt of a private request into its signed wire form: adds the timestamp or nonce,
/// the signature and the key header the exchange expects.
/// </summary>
/// <remarks>
/// The lane calls <see cref="Sign"/> once per attempt, right before sending, so a retried or
/// long-queued request carries a fresh timestamp or nonce while its parameters (and its client
/// order id) stay exactly the same.
/// </remarks>
public interface IRequestSigner
{
    /// <summary>
    /// True when the exchange rejects a nonce lower than one it has already seen (Kraken): the lane
    /// then sends this signer's requests one at a time, so nonces arrive in the order they were made.
    /// </summary>
    bool RequiresOrderedDelivery { get; }

    /// <summary>Signs one attempt: may rewrite the query and body and adds the authentication headers.</summary>
    /// <param name="request">The attempt to sign, changed in place.</param>
    void Sign(RestSigningContext request);
}
