using System.Globalization;
using System.Net;

namespace Verify.Report;

/// <summary>Escaping and number formatting for the page.</summary>
internal static class HtmlText
{
    public static string E(string s) => WebUtility.HtmlEncode(s);

    /// <summary>A label as a CSS class ("not reproduced" → "not-reproduced").</summary>
    public static string Css(string label) => label.Replace(' ', '-');

    public static string Badge(string label) => $"<span class=\"badge {Css(label)}\">{E(label)}</span>";

    public static string Num(double v) =>
        double.IsNaN(v) ? "NaN" : double.IsInfinity(v) ? (v > 0 ? "∞" : "−∞")
        : (Math.Abs(v) is >= 1e-4 and < 1e6 || v == 0) ? v.ToString("0.######", CultureInfo.InvariantCulture)
        : v.ToString("0.####e+0", CultureInfo.InvariantCulture);

    /// <summary>A document's anchor on the page.</summary>
    public static string DocAnchor(string seed) => "doc-" + Css(seed);
}
