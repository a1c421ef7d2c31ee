using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Verify.Claims.Catalog;

/// <summary>
/// Loads and validates claims/*.yaml. Every problem (malformed YAML, a missing or unknown field,
/// a wrong type, a duplicate id) is a <see cref="ClaimsFileException"/> naming file, line and field.
/// </summary>
public sealed partial class ClaimCatalog
{
    private static readonly string[] DocumentKeys = ["seed", "title", "authors"];
    private static readonly string[] ClaimKeys = ["id", "title", "statement", "where", "check", "parameters", "links", "provenance"];
    private static readonly string[] RequiredClaimKeys = ["id", "title", "statement", "where", "check"];
    public static readonly string[] CheckKinds = ["EXACT", "PROP", "THRESH", "FIG", "MC", "QUAL", "DEF", "CITED"];
    private const int MaxFieldLength = 20_000;

    // Ids are the inventory's, which keep mathematical capitals (lin.W0, lin.appB, lin.dim-Mr).
    [GeneratedRegex(@"^(phase|dir|eos|lin|flat|xdoc)\.[A-Za-z0-9][A-Za-z0-9.-]*$")]
    private static partial Regex IdPattern();

    public IReadOnlyList<ClaimDocument> Documents { get; }
    public IReadOnlyList<ClaimRecord> Claims { get; }
    private readonly Dictionary<string, ClaimRecord> _byId;

    private ClaimCatalog(IReadOnlyList<ClaimDocument> files)
    {
        // A long document may spread its claims over several files: they merge by seed.
        Documents = files.GroupBy(d => d.Seed, StringComparer.Ordinal)
            .Select(g => g.Count() == 1 ? g.First() : g.First() with { File = string.Join(", ", g.Select(d => d.File)), Claims = g.SelectMany(d => d.Claims).ToList() })
            .OrderBy(d => d.Seed, StringComparer.Ordinal) // 000_… to 004_…, then cross-document
            .ToList();
        Claims = Documents.SelectMany(d => d.Claims).ToList();
        _byId = new Dictionary<string, ClaimRecord>(StringComparer.Ordinal);
        foreach (var c in Claims)
        {
            if (_byId.TryGetValue(c.Id, out var first))
                throw new ClaimsFileException(c.File, c.Line, $"claim '{c.Id}'", $"duplicate id (first defined at {first.File}:{first.Line})");
            _byId[c.Id] = c;
        }
        foreach (var c in Claims)
            foreach (var link in c.Links)
                if (!_byId.ContainsKey(link))
                    throw new ClaimsFileException(c.File, c.Line, $"claim '{c.Id}' field 'links'", $"links to unknown claim '{link}'");
    }

    public ClaimRecord this[string id] => _byId.TryGetValue(id, out var c) ? c : throw new KeyNotFoundException($"No claim with id '{id}' in claims/.");
    public bool Contains(string id) => _byId.ContainsKey(id);

    /// <summary>Loads every *.yaml file of a claims directory.</summary>
    public static ClaimCatalog LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory)) throw new ClaimsFileException(directory, 0, "claims directory", "does not exist");
        var files = Directory.GetFiles(directory, "*.yaml").OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new ClaimsFileException(directory, 0, "claims directory", "holds no *.yaml file");
        return new ClaimCatalog(files.Select(f => ParseDocument(File.ReadAllText(f), Path.GetRelativePath(Path.GetDirectoryName(directory.TrimEnd('/')) ?? ".", f))).ToList());
    }

    /// <summary>Parses YAML texts (name → text); for tests and tools.</summary>
    public static ClaimCatalog FromTexts(IEnumerable<(string Name, string Text)> files) =>
        new(files.Select(f => ParseDocument(f.Text, f.Name)).ToList());

    public static ClaimDocument ParseDocument(string text, string file)
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(text)); }
        catch (YamlException e) { throw new ClaimsFileException(file, (int)e.Start.Line, "YAML", OneLine(e.InnerException?.Message ?? e.Message)); }
        catch (Exception e) when (e is not ClaimsFileException) { throw new ClaimsFileException(file, 1, "YAML", OneLine(e.Message)); }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new ClaimsFileException(file, 1, "file", "must be one YAML mapping with keys 'document' and 'claims'");

        CheckKeys(root, ["document", "claims"], file, "file");
        var docNode = Mapping(Require(root, "document", file, "file"), file, "document");
        CheckKeys(docNode, DocumentKeys, file, "document");
        string seed = Text(Require(docNode, "seed", file, "document"), file, "document field 'seed'");
        string title = Text(Require(docNode, "title", file, "document"), file, "document field 'title'");
        string authors = Text(Require(docNode, "authors", file, "document"), file, "document field 'authors'");

        if (Require(root, "claims", file, "file") is not YamlSequenceNode claimsNode)
            throw new ClaimsFileException(file, Line(root), "field 'claims'", "must be a list of claims");
        var claims = new List<ClaimRecord>();
        foreach (var item in claimsNode.Children)
            claims.Add(ParseClaim(item, file));
        return new ClaimDocument(seed, title, authors, file, claims);
    }

    private static ClaimRecord ParseClaim(YamlNode node, string file)
    {
        var map = Mapping(node, file, "claim");
        string id = map.Children.TryGetValue(new YamlScalarNode("id"), out var idNode) ? Text(idNode, file, "claim field 'id'") : throw new ClaimsFileException(file, Line(map), "claim", "missing field 'id'");
        if (!IdPattern().IsMatch(id))
            throw new ClaimsFileException(file, Line(idNode), $"claim '{Shorten(id)}' field 'id'", "must look like <phase|dir|eos|lin|flat|xdoc>.<words of letters, digits, dots and dashes>");
        string what = $"claim '{id}'";
        CheckKeys(map, ClaimKeys, file, what);
        foreach (var key in RequiredClaimKeys)
            Require(map, key, file, what);
        string check = Text(map.Children[new YamlScalarNode("check")], file, $"{what} field 'check'");
        if (!CheckKinds.Contains(check))
            throw new ClaimsFileException(file, Line(map.Children[new YamlScalarNode("check")]), $"{what} field 'check'", $"'{Shorten(check)}' is not one of {string.Join(", ", CheckKinds)}");

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (map.Children.TryGetValue(new YamlScalarNode("parameters"), out var pNode))
            foreach (var (k, v) in Mapping(pNode, file, $"{what} field 'parameters'").Children)
                parameters[Text(k, file, $"{what} field 'parameters'")] = v is YamlScalarNode ? Text(v, file, $"{what} parameter '{k}'") : v.ToString();

        var links = new List<string>();
        if (map.Children.TryGetValue(new YamlScalarNode("links"), out var lNode))
        {
            if (lNode is not YamlSequenceNode seq) throw new ClaimsFileException(file, Line(lNode), $"{what} field 'links'", "must be a list of claim ids");
            links.AddRange(seq.Children.Select(n => Text(n, file, $"{what} field 'links'")));
        }
        string? provenance = map.Children.TryGetValue(new YamlScalarNode("provenance"), out var prov) ? Text(prov, file, $"{what} field 'provenance'") : null;

        return new ClaimRecord(id,
            Text(map.Children[new YamlScalarNode("title")], file, $"{what} field 'title'"),
            Text(map.Children[new YamlScalarNode("statement")], file, $"{what} field 'statement'"),
            Text(map.Children[new YamlScalarNode("where")], file, $"{what} field 'where'"),
            check, parameters, links, provenance, file, Line(map));
    }

    private static void CheckKeys(YamlMappingNode map, string[] allowed, string file, string what)
    {
        foreach (var key in map.Children.Keys)
        {
            string k = key is YamlScalarNode s ? s.Value ?? "" : key.ToString();
            if (!allowed.Contains(k))
                throw new ClaimsFileException(file, Line(key), $"{what} field '{Shorten(k)}'", $"unknown field (allowed: {string.Join(", ", allowed)})");
        }
    }

    private static YamlNode Require(YamlMappingNode map, string key, string file, string what) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node
            : throw new ClaimsFileException(file, Line(map), what, $"missing field '{key}'");

    private static YamlMappingNode Mapping(YamlNode node, string file, string what) =>
        node as YamlMappingNode ?? throw new ClaimsFileException(file, Line(node), what, "must be a mapping (key: value lines)");

    private static string Text(YamlNode node, string file, string what)
    {
        if (node is not YamlScalarNode s || s.Value is null)
            throw new ClaimsFileException(file, Line(node), what, "must be a text value");
        if (string.IsNullOrWhiteSpace(s.Value)) throw new ClaimsFileException(file, Line(node), what, "is empty");
        if (s.Value.Length > MaxFieldLength) throw new ClaimsFileException(file, Line(node), what, $"is {s.Value.Length} characters long (at most {MaxFieldLength})");
        return s.Value.Trim();
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;
    private static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "...";
    private static string OneLine(string s) => s.ReplaceLineEndings(" ");
}
