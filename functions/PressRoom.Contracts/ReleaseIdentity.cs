using System.Security.Cryptography;
using System.Text;

namespace PressRoom.Contracts;

/// <summary>
/// Deterministic identities. A document is a blob name; a release is one content version of it.
/// The orchestration instance id derives from both, so repeated blob events schedule nothing new.
/// </summary>
public static class ReleaseIdentity
{
    public const string InstancePrefix = "release-";

    /// <summary>16 hex chars of SHA-256 over the blob name: stable across versions.</summary>
    public static string DocumentId(string blobName) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(blobName)))[..16];

    /// <summary>Document id plus 16 hex chars of the content hash: one per content version.</summary>
    public static string ReleaseId(string blobName, string contentSha256) =>
        $"{DocumentId(blobName)}-{contentSha256[..16].ToLowerInvariant()}";

    /// <summary>The document id a release id starts with (the <c>Releases</c> partition).</summary>
    public static string DocumentIdOf(string releaseId)
    {
        ArgumentNullException.ThrowIfNull(releaseId);
        var dash = releaseId.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? releaseId : releaseId[..dash];
    }

    public static string InstanceId(string releaseId) => InstancePrefix + releaseId;

    public static string? ReleaseIdFromInstance(string instanceId) =>
        instanceId.StartsWith(InstancePrefix, StringComparison.Ordinal) ? instanceId[InstancePrefix.Length..] : null;

    public static async Task<string> HashAsync(Stream content, CancellationToken cancellationToken) =>
        Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken));
}
