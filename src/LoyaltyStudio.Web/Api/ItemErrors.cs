namespace LoyaltyStudio.Web.Api;

/// <summary>Problems found in a batch, keyed by where they are (<c>items[3].lines[0].quantity</c>), in the order found.</summary>
public sealed class ItemErrors
{
    private readonly Dictionary<string, List<string>> _byPath = new(StringComparer.Ordinal);

    public int Count { get; private set; }
    public bool Any => Count > 0;

    public void Add(string path, string message)
    {
        if (!_byPath.TryGetValue(path, out var messages))
            _byPath[path] = messages = [];
        messages.Add(message);
        Count++;
    }

    /// <summary>The first <paramref name="max"/> problems, grouped by path as problem+json's <c>errors</c> member expects.</summary>
    public Dictionary<string, string[]> Listed(int max)
    {
        var listed = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var left = max;
        foreach (var (path, messages) in _byPath)
        {
            if (left <= 0)
                break;
            var taken = messages.Take(left).ToArray();
            listed[path] = taken;
            left -= taken.Length;
        }
        return listed;
    }
}
