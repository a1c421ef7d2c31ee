using FsCheck;
using FsCheck.Fluent;
using Verify.Claims;
using Verify.Claims.Catalog;

namespace Verify.Tooling.Tests.Claims;

public sealed class ClaimCatalogTests
{
    private const string Header = """
        document:
          seed: 000_test.txt
          title: A test document
          authors: Nobody
        claims:

        """;

    private static string Claim(string id, string extra = "") => $"""
          - id: {id}
            title: A claim
            statement: Something holds.
            where: Section 1
            check: EXACT
        {extra}
        """;

    private static ClaimsFileException Rejects(string yaml, string file = "claims/t.yaml") =>
        Should.Throw<ClaimsFileException>(() => ClaimCatalog.FromTexts([(file, yaml)]));

    [Fact]
    public void LoadsAValidFile()
    {
        var catalog = ClaimCatalog.FromTexts([("claims/t.yaml", Header + Claim("phase.one") + Claim("phase.two", "    parameters: {eta: \"0.5\"}\n    links: [phase.one]\n    provenance: \"[seed]\""))]);
        catalog.Claims.Count.ShouldBe(2);
        catalog["phase.two"].Parameters["eta"].ShouldBe("0.5");
        catalog["phase.two"].Links.ShouldBe(["phase.one"]);
        catalog["phase.two"].Provenance.ShouldBe("[seed]");
        catalog["phase.one"].Family.ShouldBe("phase");
        catalog["phase.one"].RerunCommand.ShouldContain("Claim=phase.one");
        catalog.Contains("phase.three").ShouldBeFalse();
        Should.Throw<KeyNotFoundException>(() => catalog["phase.three"]);
    }

    [Fact]
    public void IdsKeepTheInventorysCapitalsButNotOtherCharacters()
    {
        var catalog = ClaimCatalog.FromTexts([("claims/t.yaml", Header + Claim("lin.W0") + Claim("lin.dim-Mr"))]);
        catalog.Contains("lin.W0").ShouldBeTrue();
        catalog.Contains("lin.w0").ShouldBeFalse();
        Rejects(Header + Claim("lin.W_0")).Message.ShouldContain("must look like");
        Rejects(Header + Claim("Lin.w0")).Message.ShouldContain("must look like");
    }

    [Fact]
    public void MergesFilesOfTheSameDocument()
    {
        var catalog = ClaimCatalog.FromTexts([("a.yaml", Header + Claim("eos.a")), ("b.yaml", Header + Claim("eos.b"))]);
        catalog.Documents.Count.ShouldBe(1);
        catalog.Documents[0].Claims.Count.ShouldBe(2);
        catalog.Documents[0].File.ShouldBe("a.yaml, b.yaml");
    }

    [Fact]
    public void DocumentsAndTheirClaimsAreInSeedOrderWhateverTheFileNames()
    {
        var second = Header.Replace("000_test.txt", "001_second.txt");
        var cross = Header.Replace("000_test.txt", "cross-document");
        var catalog = ClaimCatalog.FromTexts([("a.yaml", second + Claim("dir.b")), ("b.yaml", cross + Claim("xdoc.c")), ("c.yaml", Header + Claim("phase.a"))]);
        catalog.Documents.Select(d => d.Seed).ShouldBe(["000_test.txt", "001_second.txt", "cross-document"]);
        catalog.Claims.Select(c => c.Id).ShouldBe(["phase.a", "dir.b", "xdoc.c"]);
    }

    [Fact]
    public void RejectsMalformedYamlWithFileAndLine()
    {
        var e = Rejects(Header + "  - id: phase.x\n    title: [unclosed\n");
        e.Message.ShouldStartWith("claims/t.yaml:");
        e.What.ShouldBe("YAML");
        e.Line.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void RejectsADuplicateIdNamingBothPlaces()
    {
        var e = Rejects(Header + Claim("phase.one") + Claim("phase.one"));
        e.Message.ShouldContain("claim 'phase.one'");
        e.Message.ShouldContain("duplicate id");
        e.Line.ShouldBeGreaterThan(ClaimCatalog.FromTexts([("t.yaml", Header + Claim("phase.one"))])["phase.one"].Line);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("statement")]
    [InlineData("where")]
    [InlineData("check")]
    public void RejectsAMissingField(string field)
    {
        var yaml = string.Join("\n", (Header + Claim("phase.one")).Split('\n').Where(l => !l.StartsWith("    " + field + ":", StringComparison.Ordinal)));
        var e = Rejects(yaml);
        e.Message.ShouldContain($"missing field '{field}'");
        e.Message.ShouldContain("phase.one");
    }

    [Fact]
    public void RejectsUnknownKeysWrongTypesAndBadValues()
    {
        Rejects(Header + Claim("phase.one", "    colour: red")).Message.ShouldContain("field 'colour': unknown field");
        Rejects(Header + Claim("phase.one", "    links: phase.two")).Message.ShouldContain("must be a list");
        Rejects(Header + Claim("phase.one", "    links: [phase.nowhere]")).Message.ShouldContain("unknown claim 'phase.nowhere'");
        Rejects(Header + Claim("phase.one", "    parameters: 3")).Message.ShouldContain("must be a mapping");
        Rejects(Header + Claim("Phase One")).Message.ShouldContain("field 'id'");
        Rejects(Header.Replace("EXACT", "") + Claim("phase.one").Replace("EXACT", "GUESS")).Message.ShouldContain("'GUESS' is not one of");
        Rejects(Header + Claim("phase.one").Replace("title: A claim", "title: [a, b]")).Message.ShouldContain("field 'title': must be a text value");
        Rejects(Header + Claim("phase.one").Replace("title: A claim", "title: ''")).Message.ShouldContain("is empty");
        Rejects("- just\n- a list\n").Message.ShouldContain("one YAML mapping");
        Rejects("document: {seed: a, title: b, authors: c}\nclaims: 5\n").Message.ShouldContain("must be a list of claims");
        Rejects("document: {seed: a, title: b}\nclaims: []\n").Message.ShouldContain("missing field 'authors'");
        Rejects("document: {seed: a, title: b, authors: c}\nclaims: [7]\n").Message.ShouldContain("must be a mapping");
        Rejects("document: {seed: a, title: b, authors: c}\nclaims:\n  - title: x\n").Message.ShouldContain("missing field 'id'");
        Rejects("document: {seed: a, title: b, authors: c, year: 2020}\nclaims: []\n").Message.ShouldContain("unknown field");
    }

    [Fact]
    public void RejectsVeryLongStringsAndAcceptsOddButValidValues()
    {
        Rejects(Header + Claim("phase.one").Replace("Something holds.", new string('x', 30_000))).Message.ShouldContain("characters long");
        var c = ClaimCatalog.FromTexts([("t.yaml", Header + Claim("phase.one", "    parameters: {huge: 1e999, nan: .nan, inf: -.inf}"))]);
        c["phase.one"].Parameters["huge"].ShouldBe("1e999");
        c["phase.one"].Parameters["nan"].ShouldBe(".nan");
    }

    [Fact]
    public void RandomBytesAlwaysEndInAClaimsFileErrorProperty()
    {
        var outcome = Verify.Claims.Properties.PropertyCheck.Run("random bytes as a claims file", ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            try { ClaimCatalog.FromTexts([("r.yaml", text)]); return true; }
            catch (ClaimsFileException e) { return e.Message.StartsWith("r.yaml:", StringComparison.Ordinal) && !e.Message.Contains('\n'); }
        }, seed: 20261124, maxTest: 300);
        outcome.Passed.ShouldBeTrue(outcome.Describe());
    }

    private const string Noise = ":-[]{}'\"\n #&*!|>x";

    [Fact]
    public void RandomEditsOfAValidFileNeverEscapeAsAnotherException()
    {
        var valid = Header + Claim("phase.one", "    parameters: {eta: \"0.5\"}") + Claim("phase.two");
        var rng = new Random(20261124);
        for (int trial = 0; trial < 400; trial++)
        {
            var chars = valid.ToCharArray();
            for (int k = 0; k < 3; k++) chars[rng.Next(chars.Length)] = Noise[rng.Next(Noise.Length)];
            try { ClaimCatalog.FromTexts([("m.yaml", new string(chars))]); }
            catch (ClaimsFileException e) { e.Message.ShouldStartWith("m.yaml:"); }
        }
    }

    [Fact]
    public void LoadsTheRepositoryClaimsDirectoryAndRejectsAMissingOne()
    {
        var catalog = ClaimCatalog.LoadDirectory(RepositoryRoot.ClaimsDirectory());
        catalog.Claims.Count.ShouldBeGreaterThan(0);
        catalog.Claims.ShouldAllBe(c => c.File.StartsWith("claims/", StringComparison.Ordinal));
        Should.Throw<ClaimsFileException>(() => ClaimCatalog.LoadDirectory("/nonexistent/claims")).Message.ShouldContain("does not exist");
        var empty = Directory.CreateTempSubdirectory();
        try { Should.Throw<ClaimsFileException>(() => ClaimCatalog.LoadDirectory(empty.FullName)).Message.ShouldContain("no *.yaml"); }
        finally { empty.Delete(true); }
    }
}
