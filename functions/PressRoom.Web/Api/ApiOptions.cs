namespace PressRoom.Web;

/// <summary><c>Api:*</c> settings of the local host. In Azure, Functions keys protect the same routes.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Key for upload and read endpoints, sent as <c>X-Api-Key</c>. Absent: loopback-only access.</summary>
    public string? Key { get; set; }

    /// <summary>Admin key: every admin action.</summary>
    public string? AdminKey { get; set; }

    /// <summary>Read-only admin key: list and view, no actions.</summary>
    public string? ReaderKey { get; set; }

    /// <summary>Upload bodies read at the same time; others wait their turn (bounded memory under a burst).</summary>
    public int MaxConcurrentUploads { get; set; } = 4;
}
