"""Heap queue algorithm (a.k.a. priority queue): min-heaps kept in plain lists, where
heap[k] <= heap[2*k+1] and heap[k] <= heap[2*k+2] for every k."""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge', 'nlargest', 'nsmallest',
           'heappushpop']


def _check_list(heap, func, numbered=True):
    if not isinstance(heap, list):
        where = "argument 1" if numbered else "argument"
        raise TypeError(f"{func}() {where} must be list, not {type(heap).__name__}")


def heappush(heap, item, /):
    """Push item onto heap, maintaining the heap invariant."""
    _check_list(heap, "heappush")
    heap.append(item)
    _sift_toward_root(heap, 0, len(heap) - 1)


def heappop(heap, /):
    """Pop the smallest item off the heap, maintaining the heap invariant."""
    _check_list(heap, "heappop", False)
    if not heap:
        raise IndexError("index out of range")
    last = heap.pop()
    if heap:
        smallest = heap[0]
        heap[0] = last
        _sift_toward_leaves(heap, 0)
        return smallest
    return last


def heapreplace(heap, item, /):
    """Pop and return the smallest item, then push item (the heap size is unchanged).
    IndexError if the heap is empty."""
    _check_list(heap, "heapreplace")
    if not heap:
        raise IndexError("index out of range")
    smallest = heap[0]
    heap[0] = item
    _sift_toward_leaves(heap, 0)
    return smallest


def heappushpop(heap, item, /):
    """Push item on the heap, then pop and return the smallest item (faster than a push
    followed by a pop)."""
    _check_list(heap, "heappushpop")
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _sift_toward_leaves(heap, 0)
    return item


def heapify(x, /):
    """Transform list into a heap, in-place, in O(len(x)) time."""
    _check_list(x, "heapify", False)
    for i in reversed(range(len(x) // 2)):
        _sift_toward_leaves(x, i)


def _heappop_max(heap):
    last = heap.pop()
    if heap:
        largest = heap[0]
        heap[0] = last
        _sift_toward_leaves_max(heap, 0)
        return largest
    return last


def _heapreplace_max(heap, item):
    largest = heap[0]
    heap[0] = item
    _sift_toward_leaves_max(heap, 0)
    return largest


def _heapify_max(x):
    for i in reversed(range(len(x) // 2)):
        _sift_toward_leaves_max(x, i)


def _sift_toward_root(heap, top, pos):
    """Move heap[pos] up toward top while it is smaller than its parent."""
    item = heap[pos]
    while pos > top:
        parent_pos = (pos - 1) >> 1
        parent = heap[parent_pos]
        if item < parent:
            heap[pos] = parent
            pos = parent_pos
            continue
        break
    heap[pos] = item


def _sift_toward_leaves(heap, pos):
    """Move heap[pos] down: follow the smaller child to a leaf, then sift the item back up
    (fewer comparisons than stopping early, on average)."""
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _sift_toward_root(heap, start, pos)


def _sift_toward_root_max(heap, top, pos):
    item = heap[pos]
    while pos > top:
        parent_pos = (pos - 1) >> 1
        parent = heap[parent_pos]
        if parent < item:
            heap[pos] = parent
            pos = parent_pos
            continue
        break
    heap[pos] = item


def _sift_toward_leaves_max(heap, pos):
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[right] < heap[child]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _sift_toward_root_max(heap, start, pos)


def merge(*iterables, key=None, reverse=False):
    """Merge multiple sorted inputs into a single sorted output (a generator); like
    sorted(itertools.chain(*iterables)) but lazy.  Stable: equal items come out in the
    order of their iterables."""
    entries = []
    direction = -1 if reverse else 1
    for order, it in enumerate(map(iter, iterables)):
        for value in it:
            entries.append([value if key is None else key(value), order * direction, value,
                            it])
            break
    if reverse:
        _heapify_max(entries)
        pop, replace = _heappop_max, _heapreplace_max
    else:
        heapify(entries)
        pop, replace = heappop, heapreplace
    while len(entries) > 1:
        entry = entries[0]
        yield entry[2]
        for value in entry[3]:
            entry[0] = value if key is None else key(value)
            entry[2] = value
            replace(entries, entry)
            break
        else:
            pop(entries)
    if entries:
        entry = entries[0]
        yield entry[2]
        yield from entry[3]


def nsmallest(n, iterable, key=None):
    """Find the n smallest elements in a dataset: sorted(iterable, key=key)[:n]."""
    if n <= 0:
        iter(iterable)          # still a TypeError for a non-iterable
        return []
    if n == 1:
        sentinel = object()
        result = min(iterable, default=sentinel, key=key)
        return [] if result is sentinel else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key)[:n]
    # Keep the n best seen so far in a max-heap of (key, order, value); order keeps the
    # result stable and avoids comparing values with equal keys.
    heap = []
    for order, value in enumerate(iterable):
        k = value if key is None else key(value)
        entry = (k, order, value)
        if len(heap) < n:
            heap.append(entry)
            if len(heap) == n:
                _heapify_max(heap)
        elif k < heap[0][0]:
            _heapreplace_max(heap, entry)
    heap.sort()
    return [entry[2] for entry in heap]


def nlargest(n, iterable, key=None):
    """Find the n largest elements in a dataset: sorted(iterable, key=key,
    reverse=True)[:n]."""
    if n <= 0:
        iter(iterable)          # still a TypeError for a non-iterable
        return []
    if n == 1:
        sentinel = object()
        result = max(iterable, default=sentinel, key=key)
        return [] if result is sentinel else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=True)[:n]
    heap = []
    for order, value in enumerate(iterable):
        k = value if key is None else key(value)
        entry = (k, -order, value)
        if len(heap) < n:
            heap.append(entry)
            if len(heap) == n:
                heapify(heap)
        elif heap[0][0] < k:
            heapreplace(heap, entry)
    heap.sort(reverse=True)
    return [entry[2] for entry in heap]
