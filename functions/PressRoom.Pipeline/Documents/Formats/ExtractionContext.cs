namespace PressRoom.Pipeline.Documents.Formats;

/// <summary>State shared by the extractors of one upload: its limits, its text budget and how deep attachments go.</summary>
internal sealed class ExtractionContext
{
    /// <summary>An email inside an email inside an email is as deep as real forwarding goes.</summary>
    public const int MaxAttachmentDepth = 3;

    readonly TextBudget budget;

    public ExtractionContext(DocumentLimits limits, string fileName, CancellationToken cancellationToken)
        : this(limits, fileName, new TextBudget(limits.MaxTextCharacters), 0, cancellationToken)
    {
    }

    ExtractionContext(DocumentLimits limits, string fileName, TextBudget budget, int depth, CancellationToken cancellationToken)
    {
        Limits = limits;
        FileName = fileName;
        CancellationToken = cancellationToken;
        this.budget = budget;
        AttachmentDepth = depth;
    }

    public DocumentLimits Limits { get; }
    public string FileName { get; }
    public CancellationToken CancellationToken { get; }

    /// <summary>Nesting of attachments (an .eml carrying a .docx is depth 1).</summary>
    public int AttachmentDepth { get; }

    /// <summary>The file-name extension in lower case without the dot, or empty.</summary>
    public string Extension
    {
        get
        {
            int dot = FileName.LastIndexOf('.');
            int slash = FileName.LastIndexOfAny(['/', '\\']);
            return dot > slash && dot < FileName.Length - 1 ? FileName[(dot + 1)..].ToLowerInvariant() : string.Empty;
        }
    }

    /// <summary>Counts extracted characters against <see cref="DocumentLimits.MaxTextCharacters"/>.</summary>
    public void Spend(int count) => budget.Spend(count);

    public void CheckDepth(int depth, string what)
    {
        if (depth > Limits.MaxNestingDepth)
        {
            throw new DocumentRejectedException(
                RejectionReason.LimitExceeded,
                $"The {what} is nested more than {Limits.MaxNestingDepth} levels deep, which no real release needs.");
        }
    }

    /// <summary>A context for an attachment: same limits and budget, one level deeper.</summary>
    public ExtractionContext ForAttachment(string attachmentName)
    {
        if (AttachmentDepth + 1 > MaxAttachmentDepth)
        {
            throw new DocumentRejectedException(
                RejectionReason.LimitExceeded,
                $"The email carries attachments nested more than {MaxAttachmentDepth} levels deep.");
        }

        return new ExtractionContext(Limits, attachmentName, budget, AttachmentDepth + 1, CancellationToken);
    }

    sealed class TextBudget(int max)
    {
        int spent;

        public void Spend(int count)
        {
            spent += count;
            if (spent > max)
            {
                throw new DocumentRejectedException(
                    RejectionReason.LimitExceeded,
                    $"The document holds more than {max:N0} characters of text, the most PressRoom processes in one release.");
            }
        }
    }
}
