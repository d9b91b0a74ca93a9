using System.Net;
using System.Net.Sockets;
using Connect.SharedKernel.Throttling;
using Microsoft.Extensions.Options;

namespace Connect.Identity.Authentication;

/// <summary>
/// Counts requests with a wrong key per client address (an IPv6 address by its /64, since one client holds a whole
/// /64). Only a request that itself carries a wrong key is ever refused (spec §1): a valid key from the same address
/// (a shared NAT, a load balancer) is never held back by other callers' failures. Memory is bounded by
/// <see cref="FailureWindows"/>: past its cap of addresses, a wrong key from an address not yet counted is refused.
/// </summary>
internal sealed class FailedAuthenticationLimiter(IOptionsMonitor<IdentityOptions> options, TimeProvider clock)
{
    private readonly FailureWindows _windows = new(clock);

    public FailureWindows Windows => _windows;

    /// <summary>Counts one wrong key from the address; null while it may still try, otherwise how long it must wait.</summary>
    public TimeSpan? RecordFailure(IPAddress? address)
    {
        var (failures, windowLeft) = _windows.RecordFailure(PartitionOf(address));
        return failures > Math.Max(1, options.CurrentValue.FailedAuthenticationsPerMinute) ? windowLeft : null;
    }

    /// <summary>The address counted for a caller: IPv4 as is (also when mapped into IPv6), IPv6 by its /64.</summary>
    public static string PartitionOf(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
