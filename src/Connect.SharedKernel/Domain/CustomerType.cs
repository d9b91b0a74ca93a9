using System.Text.Json.Serialization;

namespace Connect.SharedKernel.Domain;

/// <summary>Who an offering, a catalog or an API key is for.</summary>
public enum CustomerType
{
    [JsonStringEnumMemberName("CONSUMER")] Consumer = 1,
    [JsonStringEnumMemberName("BUSINESS")] Business = 2,
}
