using System.Net;
using System.Net.Sockets;

namespace Connect.Webhooks.Domain;

/// <summary>
/// Keeps webhooks off the service's own network: only http(s) URLs without credentials, and no host that is or
/// resolves to a loopback, private, link-local, cloud-metadata or otherwise non-public address (unless
/// <c>Connect:Webhooks:AllowPrivateNetworks</c>). Checked when a URL is given and again on every connection.
/// </summary>
internal static class UrlGuard
{
    /// <summary>What is wrong with the URL's form, or null.</summary>
    public static string? FormError(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > 2048) return "url must be an absolute http or https URL of at most 2048 characters.";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return "url must be an absolute http or https URL.";
        if (uri.UserInfo.Length > 0) return "url must not carry credentials.";
        if (uri.Fragment.Length > 0) return "url must not have a fragment.";
        return null;
    }

    /// <summary>What is wrong with where the URL leads, or null (its form must be valid).</summary>
    public static async Task<string?> DestinationErrorAsync(string url, bool allowPrivate, CancellationToken cancellationToken)
    {
        if (allowPrivate) return null;
        var host = new Uri(url).IdnHost;
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
            return IsPublic(literal) ? null : $"url's host {literal} is not a public address.";
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
            return "url's host is the local machine.";
        IPAddress[] addresses;
        try { addresses = await Dns.GetHostAddressesAsync(host, cancellationToken); }
        catch (SocketException) { return $"url's host {host} does not resolve."; }
        if (addresses.Length == 0) return $"url's host {host} does not resolve.";
        return addresses.FirstOrDefault(a => !IsPublic(a)) is { } blocked ? $"url's host {host} resolves to {blocked}, which is not a public address." : null;
    }

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var b = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
            return !(b[0] is 0 or 10 or 127 || b[0] >= 224 // this network, private, loopback, multicast and reserved
                     || (b[0] == 100 && b[1] is >= 64 and <= 127) // carrier-grade NAT
                     || (b[0] == 169 && b[1] == 254) // link-local, cloud metadata (169.254.169.254)
                     || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168)
                     || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2) || (b[0] == 198 && b[1] is 18 or 19)
                     || (b[0] == 198 && b[1] == 51 && b[2] == 100) || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return false;
        if (IPAddress.IPv6Loopback.Equals(address) || IPAddress.IPv6None.Equals(address)) return false;
        // Unique local (fc00::/7, where fd00:ec2::254 is a cloud metadata address), link-local, site-local, multicast.
        if ((b[0] & 0xfe) == 0xfc || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast) return false;
        // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address that must be public itself.
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b) return IsPublic(new IPAddress(b[12..16]));
        if (b[0] == 0x20 && b[1] == 0x02) return IsPublic(new IPAddress(b[2..6]));
        // Documentation (2001:db8::/32) and everything outside global unicast (2000::/3).
        return (b[0] & 0xe0) == 0x20 && !(b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8);
    }
}
