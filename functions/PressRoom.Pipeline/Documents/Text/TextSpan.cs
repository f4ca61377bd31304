namespace PressRoom.Pipeline.Documents;

/// <summary>A range of a string: <c>text.Substring(Start, Length)</c>.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Substring(Start, Length);
    }
}
