using System.Xml.Linq;

namespace Verify.Report;

/// <summary>The outcome of one test as the runner reported it.</summary>
public sealed record TestOutcome(string Test, bool Passed, string? Message);

/// <summary>Reads test outcomes from VSTest .trx result files.</summary>
public static class TestOutcomes
{
    public static IReadOnlyDictionary<string, TestOutcome> ReadTrx(IEnumerable<string> trxFiles)
    {
        var result = new Dictionary<string, TestOutcome>(StringComparer.Ordinal);
        foreach (var file in trxFiles)
        {
            var doc = XDocument.Load(file);
            foreach (var r in doc.Descendants().Where(e => e.Name.LocalName == "UnitTestResult"))
            {
                var name = (string?)r.Attribute("testName") ?? "";
                var outcome = (string?)r.Attribute("outcome") ?? "";
                var message = r.Descendants().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value;
                result[name] = new TestOutcome(name, outcome == "Passed", message);
            }
        }
        return result;
    }
}
