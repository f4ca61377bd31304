
namespace PressRoom.Pipeline.Entities.EnglishNames;

/// <summary>
/// A name as a small tree in Arabic order — a head noun, its adjectives, its genitive complements (each a group of
/// nouns joined by "and") and its linked phrases — rendered in English order.
/// </summary>
internal sealed class NameTree
{
    readonly NameWord _head;
    readonly List<List<string>> _modifiers = [];
    readonly List<NameWord> _ordinals = [];
    readonly List<List<NameTree>> _complements = [];
    readonly List<(string Preposition, List<NameTree> Objects, bool Prenominal)> _links = [];
    readonly bool _feminine;
    string? _year;

    NameTree(NameUnit unit, NameTree? parent)
    {
        _head = unit.Word;
        _feminine = unit.Feminine;
        Parent = parent;
    }

    NameTree? Parent { get; }

    /// <summary>The group (a complement or link object list) this node sits in, for coordination with "and".</summary>
    List<NameTree>? Group { get; set; }

    bool IsName => _head.Kind == NameWordKind.Name;

    bool IsNounLike => _head.Kind is NameWordKind.Noun or NameWordKind.Role or NameWordKind.Name;

    /// <summary>The tree of the units, or null when they do not form a name (it starts with an adjective or a link).</summary>
    public static NameTree? Build(IReadOnlyList<NameUnit> units)
    {
        if (units.Count == 0 || units[0].Word.Kind is not (NameWordKind.Noun or NameWordKind.Role or NameWordKind.Name) || units[0].Link != NameLink.None)
        {
            return null;
        }

        var root = new NameTree(units[0], null);
        var current = root;
        string? pendingPreposition = null;
        for (var i = 1; i < units.Count; i++)
        {
            var unit = units[i];
            switch (unit.Word.Kind)
            {
                case NameWordKind.Link:
                    pendingPreposition = unit.Word.English;
                    continue;
                case NameWordKind.Adjective or NameWordKind.Nationality or NameWordKind.Ordinal:
                    if (unit.Link != NameLink.None || pendingPreposition is not null)
                    {
                        return null;
                    }

                    // A nationality describes the body as a whole when it agrees with it (وزارة الخارجية القطرية).
                    var target = unit.Word.Kind == NameWordKind.Nationality && root._feminine == unit.Feminine && !root.IsName ? root : current.Agreeing(unit);
                    target.AddModifier(unit);
                    continue;
            }

            if (unit.Word.Kind == NameWordKind.Name && unit.Word.English.All(char.IsAsciiDigit))
            {
                root._year = unit.Word.English;
                continue;
            }

            if (pendingPreposition is not null || unit.Link == NameLink.Lam)
            {
                current = root.AddLink(unit, pendingPreposition);
                pendingPreposition = null;
            }
            else if (unit.Conjunction && current.Parent is not null && current.Group is not null)
            {
                var sibling = new NameTree(unit, current.Parent) { Group = current.Group };
                current.Group.Add(sibling);
                current = sibling;
            }
            else
            {
                var child = new NameTree(unit, current);
                var group = new List<NameTree> { child };
                child.Group = group;
                current._complements.Add(group);
                current = child;
            }
        }

        return pendingPreposition is null ? root : null;
    }

    NameTree AddLink(NameUnit unit, string? preposition)
    {
        var node = new NameTree(unit, this);
        var group = new List<NameTree> { node };
        node.Group = group;
        var objectIsBody = unit.Word.TakesThe || unit.Word.Kind == NameWordKind.Name && !unit.Word.English.Contains(' ', StringComparison.Ordinal);
        if (preposition is not null)
        {
            _links.Add((preposition, group, false));
        }
        else if (_head.Preposition is { } own)
        {
            _links.Add((own, group, false));
        }
        else if (_head.LinkPrenominal && !unit.Word.TakesThe && unit.Word.Kind == NameWordKind.Noun)
        {
            // A field after ل goes before the head: اللجنة الوطنية لحقوق الإنسان → National Human Rights Committee.
            _links.Add(("", group, true));
        }
        else
        {
            _links.Add((_head.LinkOf || objectIsBody ? "of" : "for", group, false));
        }

        return node;
    }

    /// <summary>The nearest noun up the chain that agrees in gender (names take no adjectives); else this one.</summary>
    NameTree Agreeing(NameUnit adjective)
    {
        for (var node = this; node is not null; node = node.Parent)
        {
            if (!node.IsName && node.IsNounLike && node._feminine == adjective.Feminine)
            {
                return node;
            }
        }

        return this;
    }

    void AddModifier(NameUnit unit)
    {
        if (unit.Word.Kind == NameWordKind.Ordinal && !unit.Conjunction)
        {
            _ordinals.Add(unit.Word);
        }
        else if (unit.Conjunction && _modifiers.Count > 0)
        {
            _modifiers[^1].Add(unit.Word.English);
        }
        else
        {
            _modifiers.Add([unit.Word.English]);
        }
    }

    public string Render()
    {
        var before = new List<string>();
        var after = new List<string>();

        // Proper-name complements lead (United Nations Trust Fund, Qatar Central Bank) …
        foreach (var group in _complements.Where(g => Prenominal(g) && g.All(n => n.IsName)))
        {
            before.Add(Join(group, prefixThe: false));
        }

        // … then ordinals and adjectives (Arabic order reversed: الحوار الاستراتيجي الرابع → Fourth Strategic Dialogue) …
        before.AddRange(_ordinals.Select(o => o.English));
        before.AddRange(Enumerable.Reverse(_modifiers).Select(m => string.Join(" and ", m)));

        // … then common-noun complements and fields as modifiers (International Cooperation Department).
        foreach (var group in _complements.Where(g => Prenominal(g) && !g.All(n => n.IsName)))
        {
            before.Add(Join(group, prefixThe: false));
        }

        foreach (var link in _links.Where(l => l.Prenominal))
        {
            before.Add(Join(link.Objects, prefixThe: false));
        }

        foreach (var group in _complements.Where(g => !Prenominal(g)))
        {
            after.Add("of " + Join(group, prefixThe: true));
        }

        foreach (var link in _links.Where(l => !l.Prenominal))
        {
            after.Add(link.Preposition + " " + Join(link.Objects, prefixThe: true));
        }

        var parts = before.Append(_head.English).Concat(after);
        if (_year is not null)
        {
            parts = parts.Append(_year);
        }

        return string.Join(' ', parts.Where(p => p.Length > 0));
    }

    /// <summary>Whether a genitive complement goes before the head (Media Office) rather than after it with "of".</summary>
    bool Prenominal(List<NameTree> group)
    {
        var first = group[0];
        if (_head.OfHead || first._head.AlwaysPost || first._head.Kind == NameWordKind.Role)
        {
            return false;
        }

        // A complement with its own "of"/link tail reads after the head: Director of the International Cooperation Department.
        return first._links.Count == 0 && !first._complements.Any(g => !first.Prenominal(g)) && !first._head.OfHead;
    }

    static string Join(List<NameTree> group, bool prefixThe)
    {
        var rendered = group.Select(n => n.Render()).ToList();
        var text = rendered.Count switch
        {
            1 => rendered[0],
            2 => rendered[0] + " and " + rendered[1],
            _ => string.Join(", ", rendered[..^1]) + " and " + rendered[^1],
        };
        return prefixThe && group[0]._head.TakesThe ? "the " + text : text;
    }

    public override string ToString() => Render();

}
