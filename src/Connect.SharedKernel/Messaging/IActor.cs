namespace Connect.SharedKernel.Messaging;

/// <summary>Who is acting: the API key id of the current request (never the key), or <c>system</c>.</summary>
public interface IActor
{
    /// <summary>The acting key id.</summary>
    string Id { get; }
}
