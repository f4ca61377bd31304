namespace PressRoom.Contracts;

/// <summary>The language of a text: ISO 639-1 code, ISO 15924 script, confidence 0..1.</summary>
public sealed record LanguageDetection(string Language, string Script, double Confidence);
