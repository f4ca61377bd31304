namespace PressRoom.Pipeline.Admin;

/// <summary><c>Admin:*</c> settings of the admin API (both hosts).</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>
    /// A Running or Pending orchestration whose state has not changed for this long is reported as stuck by the counts.
    /// A healthy release updates its instance after every activity (seconds); the engine re-delivers a lost work item
    /// after its visibility timeout (minutes), so the default leaves room for that recovery before raising the flag.
    /// </summary>
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(15);
}
