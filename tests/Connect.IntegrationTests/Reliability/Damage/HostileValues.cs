namespace Connect.IntegrationTests.Reliability.Damage;

/// <summary>
/// Raw JSON tokens a mutation puts where a valid value was, by the kind of value they replace. Simpler ones come
/// first: CsCheck shrinks towards lower indexes, so a shrunk failure shows the plainest value that still fails.
/// </summary>
internal static class HostileValues
{
    public static readonly string HundredKb = "\"" + new string('x', 100 * 1024) + "\"";

    /// <summary>Where a name of an enumeration is expected.</summary>
    public static readonly string[] ForEnums =
    [
        "\"\"", "0", "1", "\"0\"", "\"1\"", "-1", "\"SUBSCRIPTION, LICENSE\"", "\"SUBSCRIPTION,LICENSE\"", "\"CONSUMER,BUSINESS\"",
        "\"subscription\"", "\" SUBSCRIPTION\"", "\"SUBSCRIPTION \"", "\"PRODUCT_CATEGORY_\"", "\"PRODUCT_CATEGORY_SUBSCRIPTION_CELL\"",
        "\"Subscription\"", "\"ONE_TIME|RECURRING\"", "\"MONTHLY\\u0000\"", "\"ALL\"", "\"None\"", "2147483648", "1.5", "\"\\ud800\"",
    ];

    /// <summary>Where a number is expected (money, counts, intervals).</summary>
    public static readonly string[] ForNumbers =
    [
        "0", "-0", "-0.0", "1e400", "-1e400", "1E2", "0.1e1", "10.001", "1.5", "0.005", "-1", "2147483648", "-2147483649",
        "9223372036854775808", "99999999999999999999999999999", "79228162514264337593543950336", "1.0000000000000000000000000001",
        "0.00000000000000000000000000001", "1e-400", "10.10", "100.000", "\"10\"", "\"NaN\"", "\"Infinity\"", "1000000000.01",
    ];

    /// <summary>Where text is expected.</summary>
    public static readonly string[] ForStrings =
    [
        "\"\"", "\" \"", "\"\\ud800\"", "\"a\\udc00b\"", "\"\\udbff\\udfff\"", "\"\\u202Eevil\"", "\"a\\u0000b\"", "\"🎉🎉\"",
        "\"e\\u0301\\u0301\\u0301\\u0301\"", "\"\\uFEFFbom\"", "\"\\u200B\"", "\"\\uFFFF\"", "\"' OR 1=1--\"", "\"<script>x</script>\"",
        "\"\\\"quoted\\\"\"", "\"back\\\\slash\"", "\"line\\nbreak\"", "\"a/b/../c\"", "\"%00\"", HundredKb,
    ];

    /// <summary>Anything, wherever: wrong types and shapes.</summary>
    public static readonly string[] Anywhere =
    [
        "null", "true", "false", "0", "\"\"", "[]", "{}", "[null]", "[null,null]", "[[]]", "{\"\":null}", "\"true\"", "-0", "1e400",
        "[1,\"a\",null,{}]", "{\"a\":{\"b\":{\"c\":{}}}}",
    ];

    /// <summary>Metadata whose numbers and key order a canonical writer must not disturb between a write and a read.</summary>
    public static readonly string[] OddMetadata =
    [
        "{}", "{\"b\":1,\"a\":2}", "{\"n\":1.0}", "{\"n\":1.50}", "{\"n\":-0}", "{\"n\":1E2}", "{\"n\":1e-7}", "{\"n\":0.1e1}",
        "{\"n\":12345678901234567890123}", "{\"n\":1e400}", "{\"z\":{\"y\":1,\"x\":[3,2,1]},\"a\":null}", "{\"é\":1,\"e\\u0301\":2}",
        "{\"\\ud800\":1}", "{\"a\":\"\\ud800\"}", "{\"a\":[\"x\\udc00\"]}", "{\"a\":\"\\u0000\"}", "{\"\":\"\"}", "{\"A\":1,\"a\":2}", "{\"n\":100000000000000000000.0}",
        "{\"n\":-1.5e-300}", "{\"emoji\":\"🎉\",\"rtl\":\"\\u202E\"}",
    ];

    /// <summary>A value nested <paramref name="depth"/> levels deep in arrays or objects.</summary>
    public static string Nested(string value, int depth, bool arrays) => arrays
        ? new string('[', depth) + value + new string(']', depth)
        : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + value + new string('}', depth);

    /// <summary>Fields whose string value names an enumeration member.</summary>
    public static readonly HashSet<string> EnumFields =
        ["type", "category", "customerType", "priceType", "period", "discountType", "activationType", "currency", "categories", "types",
         "addonCategories", "subscriber.address", "subscriber.birthDate"];
}
