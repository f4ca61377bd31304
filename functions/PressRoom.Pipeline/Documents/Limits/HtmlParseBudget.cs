using AngleSharp.Text;
using AngleSharp.Dom;

namespace PressRoom.Pipeline.Documents.Limits;

/// <summary>
/// Watches AngleSharp while it parses, through <c>HtmlParserOptions.OnCreated</c>: counts elements against
/// <see cref="DocumentLimits.MaxHtmlElements"/>, checks the depth of the previously created element (it has been
/// inserted by the time the next one is created) against <see cref="DocumentLimits.MaxNestingDepth"/>, and honours
/// cancellation. Throwing from the callback stops the parse where it is.
/// </summary>
internal sealed class HtmlParseBudget(DocumentLimits limits, CancellationToken cancellationToken)
{
    IElement? previous;

    public int Elements { get; private set; }

    public void OnCreated(IElement element, TextPosition position)
    {
        if (++Elements > limits.MaxHtmlElements)
        {
            throw new DocumentRejectedException(
                RejectionReason.LimitExceeded,
                $"The HTML page has more than {limits.MaxHtmlElements:N0} elements, more than any release page needs.");
        }

        if ((Elements & 1023) == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        // Walks at most MaxNestingDepth parents, so the check is linear in the number of elements.
        int depth = 0;
        for (var node = previous; node is not null; node = node.ParentElement)
        {
            if (++depth > limits.MaxNestingDepth)
            {
                throw new DocumentRejectedException(
                    RejectionReason.LimitExceeded,
                    $"The HTML page is nested more than {limits.MaxNestingDepth} levels deep, which no real release needs.");
            }
        }

        previous = element;
    }
}
