namespace MathForML.Rendering;

/// <summary>
/// A small thread-safe LRU cache of finished results keyed by source, options and mode. Keys and list
/// entries are classes so the collections run the runtime's precompiled shared code; value-type keys
/// made the JIT compile a dictionary and a linked list for them on the first render.
/// </summary>
internal sealed class RenderCache
{
    private readonly int _capacity;
    private readonly Dictionary<CacheKey, LinkedListNode<CacheEntry>> _map = [];
    private readonly LinkedList<CacheEntry> _order = new();
    private readonly Lock _lock = new();

    public RenderCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _map.Count;
            }
        }
    }

    public bool TryGet(CacheKey key, out RenderResult? result)
    {
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                result = node.Value.Value;
                return true;
            }
        }

        result = null;
        return false;
    }

    public void Add(CacheKey key, RenderResult result)
    {
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var existing))
            {
                _order.Remove(existing);
                _map.Remove(key);
            }

            _map[key] = _order.AddFirst(new CacheEntry(key, result));
            while (_map.Count > _capacity)
            {
                var last = _order.Last!;
                _order.RemoveLast();
                _map.Remove(last.Value.Key);
            }
        }
    }
}

/// <summary>Identity of a render request.</summary>
internal sealed record CacheKey(string Source, RenderOptions Options, bool Document);

internal sealed record CacheEntry(CacheKey Key, RenderResult Value);
