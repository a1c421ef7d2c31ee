using System.Globalization;

namespace Verify.Cli;

/// <summary>
/// A parsed command line: options (--name value, repeatable) and flags (--name). Every reading
/// validates and throws <see cref="UsageException"/> with a one-line message.
/// </summary>
public sealed class Arguments
{
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public Arguments(IReadOnlyList<string> args, IReadOnlyCollection<string> flagNames)
    {
        for (int i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal) || a.Length == 2)
                throw new UsageException($"unexpected argument '{Short(a)}'");
            var name = a[2..];
            if (flagNames.Contains(name)) { _flags.Add(name); continue; }
            if (i + 1 >= args.Count) throw new UsageException($"--{Short(name)} needs a value");
            if (!_options.TryGetValue(name, out var list)) _options[name] = list = [];
            list.Add(args[++i]);
        }
    }

    public bool Flag(string name) { _read.Add(name); return _flags.Contains(name); }

    public string? Text(string name)
    {
        _read.Add(name);
        if (!_options.TryGetValue(name, out var v)) return null;
        if (v.Count > 1) throw new UsageException($"--{name} given {v.Count} times; give it once");
        return v[0];
    }

    public IReadOnlyList<string> All(string name) { _read.Add(name); return _options.TryGetValue(name, out var v) ? v : []; }

    public double PositiveNumber(string raw, string name)
    {
        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) || !double.IsFinite(x))
            throw new UsageException($"--{name} must be a finite number, not '{Short(raw)}'");
        if (x <= 0) throw new UsageException($"--{name} must be positive, not {raw}");
        return x;
    }

    public int Integer(string name, int fallback, int min, int max)
    {
        var raw = Text(name);
        if (raw is null) return fallback;
        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            throw new UsageException($"--{name} must be a whole number, not '{Short(raw)}'");
        if (n < min || n > max) throw new UsageException($"--{name} must be between {min} and {max}, not {n}");
        return n;
    }

    public double Number(string name, double fallback) => Text(name) is { } raw ? PositiveNumber(raw, name) : fallback;

    /// <summary>Rejects options nobody asked for (typos).</summary>
    public void RejectUnknown()
    {
        var unknown = _options.Keys.Concat(_flags).FirstOrDefault(k => !_read.Contains(k));
        if (unknown is not null) throw new UsageException($"unknown option --{Short(unknown)}");
    }

    private static string Short(string s) => s.Length <= 40 ? s : s[..37] + "...";
}
