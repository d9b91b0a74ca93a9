namespace Connect.SharedKernel.Messaging;

/// <summary>
/// The database the host's store uses, for the connection a <see cref="PostgresListener"/> holds outside the
/// store's pool. The host registers it from its own configuration; null or empty: listeners stay idle.
/// </summary>
/// <param name="ConnectionString">An Npgsql connection string.</param>
public sealed record ListenerConnection(string? ConnectionString);
