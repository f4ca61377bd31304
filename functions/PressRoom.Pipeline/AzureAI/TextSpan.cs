namespace PressRoom.Pipeline.AzureAI;

/// <summary>A run of UTF-16 code units in a text.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public string Of(string text) => text.Substring(Start, Length);

    public bool Overlaps(int start, int end) => Start < end && start < End;
}
