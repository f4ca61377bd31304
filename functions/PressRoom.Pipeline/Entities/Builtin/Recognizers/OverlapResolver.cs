namespace PressRoom.Pipeline.Entities.Builtin.Recognizers;

/// <summary>
/// Chooses among overlapping candidates: the longest span wins ("مكتب الأمم المتحدة لمكافحة الإرهاب" over
/// "الأمم المتحدة"), then the higher priority (gazetteer over rule). Linear in text length plus a sort.
/// </summary>
internal static class OverlapResolver
{
    public static List<Candidate> Resolve(List<Candidate> candidates, int textLength)
    {
        var taken = new bool[textLength + 1];
        var accepted = new List<Candidate>(candidates.Count);
        foreach (var c in candidates.Where(c => c.End > c.Start)
                     .OrderByDescending(c => c.Length)
                     .ThenByDescending(c => c.Priority)
                     .ThenBy(c => c.Start))
        {
            var free = true;
            for (var p = c.Start; p < c.End; p++)
            {
                if (taken[p])
                {
                    free = false;
                    break;
                }
            }

            if (!free)
            {
                continue;
            }

            Array.Fill(taken, true, c.Start, c.End - c.Start);
            accepted.Add(c);
        }

        accepted.Sort((a, b) => a.Start.CompareTo(b.Start));
        return accepted;
    }
}
