using System.Net.Sockets;
using Npgsql;

namespace Connect.SharedKernel.Errors;

/// <summary>Recognises "the database cannot be reached" anywhere in an exception chain (Marten wraps Npgsql's errors).</summary>
public static class DatabaseErrors
{
    public static bool IsUnreachable(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
            if (e is NpgsqlException { IsTransient: true } or SocketException or TimeoutException)
                return true;
        return false;
    }
}
