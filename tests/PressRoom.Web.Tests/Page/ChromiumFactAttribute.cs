namespace PressRoom.Tests.Page;

/// <summary>A browser test: skipped, with the reason, only when Debian's Chromium and its driver are not installed.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Browser.MissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}
