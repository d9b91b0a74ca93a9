using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Connect.Api.Hardening;

/// <summary>Who the client is behind proxies: <c>Connect:Http:TrustedProxies</c> decides whose X-Forwarded-For counts.</summary>
internal static class ClientAddress
{
    /// <summary>
    /// Forwarded headers from the listed proxies only, any number of hops: the middleware walks the chain from the
    /// right while the address it stands on is trusted, so the right-most untrusted address becomes the client.
    /// </summary>
    public static ForwardedHeadersOptions FromTrustedProxies(IEnumerable<string> trusted)
    {
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor, ForwardLimit = null };
        // Nothing is trusted by default (not even loopback): only what the operator lists.
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var entry in trusted.Select(t => t.Trim()).Where(t => t.Length > 0))
        {
            if (entry.Contains('/') && System.Net.IPNetwork.TryParse(entry, out var network))
                options.KnownIPNetworks.Add(network);
            else if (!entry.Contains('/') && IPAddress.TryParse(entry, out var address))
                options.KnownProxies.Add(address);
            else
                throw new InvalidOperationException(
                    $"{HttpLimits.Section}:TrustedProxies: '{entry}' is neither an IP address nor a CIDR range such as 10.0.0.0/8.");
        }
        return options;
    }

    /// <summary>The former all-or-nothing switch trusted any single hop; starting with it set would silently change meaning.</summary>
    public static void RejectRetiredSetting(IConfigurationSection http)
    {
        if (http["TrustForwardedFor"] is not null)
            throw new InvalidOperationException(
                $"{HttpLimits.Section}:TrustForwardedFor is replaced by {HttpLimits.Section}:TrustedProxies (the proxies' addresses or CIDR ranges).");
    }
}
