using System.Text.Json;
using System.Text.Json.Serialization;

namespace Verify.Claims.Evidence;

/// <summary>Reads and writes evidence records as JSON files, one per claim.</summary>
public static class EvidenceStore
{
    public const string DirectoryVariable = "VERIFY_EVIDENCE_DIR";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>$VERIFY_EVIDENCE_DIR, else reports/evidence of the repository holding the running code.</summary>
    public static string DefaultDirectory()
    {
        var fromEnv = Environment.GetEnvironmentVariable(DirectoryVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv)) return fromEnv;
        return Path.Combine(RepositoryRoot.Find(), "reports", "evidence");
    }

    public static void Write(EvidenceRecord record, string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, record.ClaimId + ".json");
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(record, Options));
        File.Move(temp, path, overwrite: true);
    }

    public static string Serialize(EvidenceRecord record) => JsonSerializer.Serialize(record, Options);

    public static EvidenceRecord Read(string path) =>
        JsonSerializer.Deserialize<EvidenceRecord>(File.ReadAllText(path), Options)
        ?? throw new InvalidDataException($"{path}: empty evidence file");

    public static IReadOnlyDictionary<string, EvidenceRecord> ReadAll(string directory) =>
        !Directory.Exists(directory) ? new Dictionary<string, EvidenceRecord>()
        : Directory.GetFiles(directory, "*.json").Select(Read).ToDictionary(r => r.ClaimId, StringComparer.Ordinal);
}
