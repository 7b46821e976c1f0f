using System.Runtime.InteropServices;

namespace HostOps.Jobs.Index;

/// <summary>
/// Jobs in listing order (newest first, see <see cref="JobOrder"/>), held as chunks of at most
/// <see cref="ChunkSize"/> references. Adding, removing and replacing cost two binary searches and a shift inside one
/// chunk; memory is one reference per job (no tree node); a page starts at a position (a cursor) or an offset
/// without walking the jobs before it. New jobs are the newest, so they land at the front, and expiry takes the
/// oldest from the back; a full chunk splits where the job goes, so clustered inserts keep chunks nearly full.
/// </summary>
internal sealed class OrderedJobs
{
    internal const int ChunkSize = 512;
    private readonly List<List<IndexedJob>> _chunks = [];

    public int Count { get; private set; }

    public IndexedJob? Oldest => _chunks.Count == 0 ? null : _chunks[^1][^1];

    /// <summary>Adds the job, or replaces the one with the same <see cref="JobOrder"/>.</summary>
    public void Add(IndexedJob job)
    {
        var order = job.Order;
        if (_chunks.Count == 0)
        {
            _chunks.Add(NewChunk(job));
            Count++;
            return;
        }

        var (c, i) = Locate(order, strictlyAfter: false);
        if (c == _chunks.Count)
        {
            c--;
            i = _chunks[c].Count;
        }

        var chunk = _chunks[c];
        if (i < chunk.Count && chunk[i].Order == order)
        {
            chunk[i] = job;
            return;
        }

        Count++;
        if (chunk.Count < ChunkSize)
        {
            chunk.Insert(i, job);
        }
        else if (i == 0)
        {
            InsertAtEdge(c, c - 1, job, atEnd: true);
        }
        else if (i == chunk.Count)
        {
            InsertAtEdge(c + 1, c + 1, job, atEnd: false);
        }
        else
        {
            // Split where the job goes: inserts that cluster near one edge leave the rest of the chunk full.
            var back = new List<IndexedJob>(ChunkSize);
            back.AddRange(CollectionsMarshal.AsSpan(chunk)[i..]);
            chunk.RemoveRange(i, chunk.Count - i);
            chunk.Add(job);
            _chunks.Insert(c + 1, back);
        }
    }

    /// <summary>Replaces the job with the same <see cref="JobOrder"/>; false if there is none.</summary>
    public bool Replace(IndexedJob job)
    {
        var (c, i) = Find(job.Order);
        if (c < 0)
        {
            return false;
        }

        _chunks[c][i] = job;
        return true;
    }

    public bool Remove(JobOrder order)
    {
        var (c, i) = Find(order);
        if (c < 0)
        {
            return false;
        }

        var chunk = _chunks[c];
        chunk.RemoveAt(i);
        Count--;
        if (chunk.Count == 0)
        {
            _chunks.RemoveAt(c);
        }
        else if (chunk.Count < ChunkSize / 8 && c + 1 < _chunks.Count && chunk.Count + _chunks[c + 1].Count <= ChunkSize)
        {
            // Deletes in the middle leave sparse chunks behind; fold a nearly empty one into its neighbour.
            _chunks[c + 1].InsertRange(0, chunk);
            _chunks.RemoveAt(c);
        }

        return true;
    }

    /// <summary>The jobs from position <paramref name="offset"/> on (0 is the newest).</summary>
    public IEnumerable<IndexedJob> From(int offset)
    {
        var c = 0;
        while (c < _chunks.Count && offset >= _chunks[c].Count)
        {
            offset -= _chunks[c].Count;
            c++;
        }

        return From(c, offset);
    }

    /// <summary>The jobs that come after <paramref name="order"/> in listing order (it need not be in the list).</summary>
    public IEnumerable<IndexedJob> After(JobOrder order)
    {
        var (c, i) = Locate(order, strictlyAfter: true);
        return From(c, i);
    }

    private IEnumerable<IndexedJob> From(int chunk, int index)
    {
        for (var c = chunk; c < _chunks.Count; c++)
        {
            var items = _chunks[c];
            for (var i = c == chunk ? index : 0; i < items.Count; i++)
            {
                yield return items[i];
            }
        }
    }

    // A full chunk and a job for its very edge: put it in the neighbour if that has room, else in a chunk of its own.
    private void InsertAtEdge(int newChunkAt, int neighbour, IndexedJob job, bool atEnd)
    {
        if (neighbour >= 0 && neighbour < _chunks.Count && _chunks[neighbour].Count < ChunkSize)
        {
            if (atEnd)
            {
                _chunks[neighbour].Add(job);
            }
            else
            {
                _chunks[neighbour].Insert(0, job);
            }

            return;
        }

        _chunks.Insert(newChunkAt, NewChunk(job));
    }

    private (int Chunk, int Index) Find(JobOrder order)
    {
        var (c, i) = Locate(order, strictlyAfter: false);
        return c < _chunks.Count && i < _chunks[c].Count && _chunks[c][i].Order == order ? (c, i) : (-1, -1);
    }

    /// <summary>The first position holding a job at or (if <paramref name="strictlyAfter"/>) after <paramref name="order"/>; (chunk count, 0) at the end.</summary>
    private (int Chunk, int Index) Locate(JobOrder order, bool strictlyAfter)
    {
        int lo = 0, hi = _chunks.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Before(_chunks[mid][^1].Order, order, strictlyAfter))
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        if (lo == _chunks.Count)
        {
            return (lo, 0);
        }

        var chunk = _chunks[lo];
        int first = 0, last = chunk.Count;
        while (first < last)
        {
            var mid = (first + last) >>> 1;
            if (Before(chunk[mid].Order, order, strictlyAfter))
            {
                first = mid + 1;
            }
            else
            {
                last = mid;
            }
        }

        return (lo, first);
    }

    // Whether a job at this key lies before the position sought.
    private static bool Before(JobOrder key, JobOrder order, bool strictlyAfter)
    {
        var comparison = key.CompareTo(order);
        return strictlyAfter ? comparison <= 0 : comparison < 0;
    }

    private static List<IndexedJob> NewChunk(IndexedJob job) => new(ChunkSize) { job };
}
