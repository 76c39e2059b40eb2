using System.Globalization;

namespace Dssm.Research.Data;

/// <summary>
/// roff's numeric expressions, enough for the conditions page preambles test (<c>\n(.H&gt;23</c>,
/// <c>(\n(.H=4u)&amp;(1m=24u)</c>): integers with a scale unit (ignored: the reader has no page geometry),
/// parentheses, and the operators <c>+ - * / % &lt; &gt; &lt;= &gt;= = == &lt;&gt; &amp; :</c> applied strictly
/// left to right, as roff does (groff(7), "Numeric expressions": there is no precedence). True is &gt; 0.
/// </summary>
internal static class RoffNumbers
{
    /// <summary>The value of an expression whose escapes are already expanded; 0 for anything unreadable.</summary>
    public static int Evaluate(string expression)
    {
        int i = 0;
        return Expression(expression, ref i);
    }

    static int Expression(string s, ref int i)
    {
        int value = Term(s, ref i);
        while (i < s.Length)
        {
            var op = Operator(s, ref i);
            if (op is null) break;
            int right = Term(s, ref i);
            value = op switch
            {
                "+" => value + right,
                "-" => value - right,
                "*" => value * right,
                "/" => right == 0 ? 0 : value / right,
                "%" => right == 0 ? 0 : value % right,
                "<" => value < right ? 1 : 0,
                ">" => value > right ? 1 : 0,
                "<=" => value <= right ? 1 : 0,
                ">=" => value >= right ? 1 : 0,
                "=" or "==" => value == right ? 1 : 0,
                "<>" => value != right ? 1 : 0,
                "&" => value > 0 && right > 0 ? 1 : 0,
                ":" => value > 0 || right > 0 ? 1 : 0,
                _ => value,
            };
        }
        return value;
    }

    static string? Operator(string s, ref int i)
    {
        foreach (var op in (string[])["<=", ">=", "==", "<>", "+", "-", "*", "/", "%", "<", ">", "=", "&", ":"])
            if (string.CompareOrdinal(s, i, op, 0, op.Length) == 0) { i += op.Length; return op; }
        return null;
    }

    static int Term(string s, ref int i)
    {
        if (i >= s.Length) return 0;
        if (s[i] == '(')
        {
            i++;
            int inner = Expression(s, ref i);
            if (i < s.Length && s[i] == ')') i++;
            return inner;
        }
        if (s[i] == '-') { i++; return -Term(s, ref i); }
        if (s[i] == '+') { i++; return Term(s, ref i); }
        int start = i;
        while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.')) i++;
        var number = s[start..i];
        if (i < s.Length && "icpPmMnuvsfz".Contains(s[i])) i++;   // a scale unit
        return double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? (int)v : 0;
    }
}
