namespace PressRoom.Pipeline.Documents.Limits;

/// <summary>
/// Counts the bytes of string operands in decoded PDF page content, fed in slices: an upper bound of the glyphs the
/// page's text operators draw (a two-byte font counts each glyph twice). Literal strings <c>( … )</c> with escapes
/// and nested parentheses, hex strings <c>&lt; … &gt;</c> (two digits a byte) and comments are told apart; a
/// dictionary <c>&lt;&lt;</c> is not a string. Approximate by design: it only has to keep a budget, not render.
/// </summary>
internal sealed class PdfGlyphCounter
{
    enum State { Content, Comment, Literal, LiteralEscape, AfterLessThan, Hex }

    State state = State.Content;
    int literalDepth;
    long hexDigits;

    public long Glyphs { get; private set; }

    public void Feed(ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            switch (state)
            {
                case State.Content:
                    if (b == '(')
                    {
                        state = State.Literal;
                        literalDepth = 1;
                    }
                    else if (b == '<')
                    {
                        state = State.AfterLessThan;
                    }
                    else if (b == '%')
                    {
                        state = State.Comment;
                    }

                    break;
                case State.Comment:
                    if (b is (byte)'\r' or (byte)'\n')
                    {
                        state = State.Content;
                    }

                    break;
                case State.Literal:
                    if (b == '\\')
                    {
                        state = State.LiteralEscape;
                    }
                    else if (b == '(')
                    {
                        literalDepth++;
                        Glyphs++;
                    }
                    else if (b == ')')
                    {
                        if (--literalDepth == 0)
                        {
                            state = State.Content;
                        }
                        else
                        {
                            Glyphs++;
                        }
                    }
                    else
                    {
                        Glyphs++;
                    }

                    break;
                case State.LiteralEscape:
                    Glyphs++;
                    state = State.Literal;
                    break;
                case State.AfterLessThan:
                    // "<<" opens a dictionary (inline image or marked-content properties), anything else a hex string.
                    state = b == '<' ? State.Content : State.Hex;
                    hexDigits = 0;
                    if (state == State.Hex)
                    {
                        CountHex(b);
                    }

                    break;
                case State.Hex:
                    CountHex(b);
                    break;
            }
        }
    }

    void CountHex(byte b)
    {
        if (b == '>')
        {
            Glyphs += (hexDigits + 1) / 2;
            state = State.Content;
        }
        else if (char.IsAsciiHexDigit((char)b))
        {
            hexDigits++;
        }
    }
}
