namespace Connect.SharedKernel.Http;

/// <summary>Places JSON values already written out into an empty array of a document, so they are not written again.</summary>
public static class JsonSplice
{
    /// <summary>
    /// <paramref name="json"/> with <paramref name="items"/>, comma-separated, in the empty array whose <c>[</c> ends the first
    /// occurrence of <paramref name="opening"/>; the caller picks an opening nothing before that array can contain.
    /// </summary>
    public static byte[] Into(byte[] json, ReadOnlySpan<byte> opening, IReadOnlyList<byte[]> items)
    {
        var found = json.AsSpan().IndexOf(opening);
        if (found < 0 || json.AsSpan(found + opening.Length).IndexOf((byte)']') != 0)
            throw new InvalidOperationException("The document has no empty array where the items go.");
        var at = found + opening.Length;
        var body = new byte[json.Length + items.Sum(i => i.Length) + Math.Max(0, items.Count - 1)];
        json.AsSpan(0, at).CopyTo(body);
        var position = at;
        foreach (var item in items)
        {
            if (position > at) body[position++] = (byte)',';
            item.CopyTo(body, position);
            position += item.Length;
        }
        json.AsSpan(at).CopyTo(body.AsSpan(position));
        return body;
    }
}
