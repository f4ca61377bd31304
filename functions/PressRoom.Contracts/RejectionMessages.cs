namespace PressRoom.Contracts;

/// <summary>
/// One plain sentence per <see cref="RejectionReason"/> for people reading a status (CLI, dashboard, events).
/// Readers throw more specific sentences; this is the fallback and the documented meaning of each code.
/// </summary>
public static class RejectionMessages
{
    public static string For(RejectionReason reason) => reason switch
    {
        RejectionReason.UnsupportedFormat => "This file is not in a format PressRoom reads; upload a Word (.docx), PDF, HTML, Markdown, plain-text or email (.eml) file.",
        RejectionReason.Empty => "The file is empty.",
        RejectionReason.TooLarge => "The file is larger than the upload limit.",
        RejectionReason.Encrypted => "The file is password-protected; upload a copy without a password.",
        RejectionReason.Corrupt => "The file is damaged or incomplete and cannot be opened; export or save it again and re-upload.",
        RejectionReason.NoText => "The file contains no readable text.",
        RejectionReason.DecodingFailed => "The text could not be decoded; save it as UTF-8 and upload it again.",
        RejectionReason.LimitExceeded => "The document exceeds a processing limit (pages, characters or structure).",
        RejectionReason.UnsafeContent => "The file has a hostile structure (such as a zip bomb or external XML entities) and was not opened.",
        RejectionReason.Overwritten => "The file was replaced by a newer upload before this version was read; the newer upload is processed as its own release.",
        RejectionReason.InvalidName => "The file's name has characters storage tools mangle (control, bidirectional, zero-width or noncharacters) or a form they rewrite; upload it again under a plain name.",
        _ => "The file could not be read.",
    };
}
