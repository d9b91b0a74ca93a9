using System.Net.Sockets;
using Npgsql;

namespace Connect.SharedKernel.Errors;

/// <summary>Recognises "the database cannot be reached" anywhere in an exception chain (Marten wraps Npgsql's errors).</summary>
public static class DatabaseErrors
{
    /// <summary>
    /// Npgsql's "Connection is not open": a retry (Marten retries transient failures) ran on a connection the
    /// server had just cut; without this it would surface as a 500 during an outage.
    /// </summary>
    private static bool IsLostConnection(Exception e) =>
        e is InvalidOperationException { Source: "Npgsql" } && e.Message.Contains("Connection is not open", StringComparison.Ordinal);

    public static bool IsUnreachable(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
            if (e is NpgsqlException { IsTransient: true } or SocketException or TimeoutException || IsLostConnection(e))
                return true;
        return false;
    }
}
