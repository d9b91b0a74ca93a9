namespace Connect.SharedKernel.Domain;

/// <summary>ISO 4217 currencies Connect prices in, with their minor units (USD 2, JPY 0, BHD 3).</summary>
public static class Currencies
{
    private static readonly Dictionary<string, int> MinorUnits = new(StringComparer.Ordinal)
    {
        ["USD"] = 2, ["EUR"] = 2, ["GBP"] = 2, ["CHF"] = 2, ["CAD"] = 2, ["AUD"] = 2, ["NZD"] = 2,
        ["SEK"] = 2, ["NOK"] = 2, ["DKK"] = 2, ["PLN"] = 2, ["CZK"] = 2, ["HUF"] = 2, ["RON"] = 2,
        ["MXN"] = 2, ["BRL"] = 2, ["INR"] = 2, ["CNY"] = 2, ["HKD"] = 2, ["SGD"] = 2, ["ZAR"] = 2,
        ["TRY"] = 2, ["AED"] = 2, ["SAR"] = 2, ["ILS"] = 2, ["THB"] = 2, ["PHP"] = 2, ["MYR"] = 2,
        ["JPY"] = 0, ["KRW"] = 0, ["ISK"] = 0, ["CLP"] = 0, ["VND"] = 0,
        ["BHD"] = 3, ["KWD"] = 3, ["OMR"] = 3, ["JOD"] = 3, ["TND"] = 3,
    };

    public static bool IsKnown(string? code) => code is not null && MinorUnits.ContainsKey(code);

    public static int MinorUnitsOf(string code) => MinorUnits[code];

    /// <summary>True when the amount has no more decimals than the currency's minor unit allows.</summary>
    public static bool FitsMinorUnits(decimal amount, string code) =>
        IsKnown(code) && decimal.Round(amount, MinorUnitsOf(code)) == amount;

    public static decimal Round(decimal amount, string code) =>
        decimal.Round(amount, MinorUnitsOf(code), MidpointRounding.AwayFromZero);
}
