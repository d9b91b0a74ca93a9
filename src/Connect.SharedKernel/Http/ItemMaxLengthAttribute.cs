namespace Connect.SharedKernel.Http;

/// <summary>The longest text each item of a list may hold; shown as the items' <c>maxLength</c> in the OpenAPI document.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ItemMaxLengthAttribute(int length) : Attribute
{
    public int Length { get; } = length;
}
