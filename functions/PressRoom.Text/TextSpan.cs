namespace PressRoom.TextKernel;

/// <summary>A range of a string: <c>text.Substring(Start, Length)</c>.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Substring(Start, Length);
    }

    /// <summary>True when this span shares at least one position with <c>[start, end)</c>.</summary>
    public bool Overlaps(int start, int end) => Start < end && start < End;
}
