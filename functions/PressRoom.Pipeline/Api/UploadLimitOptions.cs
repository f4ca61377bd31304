namespace PressRoom.Pipeline.Api;

/// <summary>
/// The upload limit, read from the same setting the document readers enforce on blob uploads
/// (<c>Documents:MaxOriginalBytes</c>, default 20 MiB), so an HTTP upload and a blob upload obey one limit.
/// </summary>
public sealed class UploadLimitOptions
{
    public const string Section = "Documents";

    public long MaxOriginalBytes { get; set; } = 20L * 1024 * 1024;
}
