"""Bisection algorithms: find insertion points in sorted lists and insert keeping order."""

from operator import index as _index


def _hi_index(hi, a):
    """hi converted to an int (anything with __index__); -1 means len(a)."""
    try:
        hi = _index(hi)
    except TypeError:
        raise TypeError("argument should be integer or None, not '%s'"
                        % type(hi).__name__) from None
    return len(a) if hi == -1 else hi


def insort_right(a, x, lo=0, hi=None, *, key=None):
    """Insert item x in list a, and keep it sorted assuming a is sorted; after any equal
    items.  key, if given, applies to x and to the items of a."""
    if key is None:
        lo = bisect_right(a, x, lo, hi)
    else:
        lo = bisect_right(a, key(x), lo, hi, key=key)
    a.insert(lo, x)


def bisect_right(a, x, lo=0, hi=None, *, key=None):
    """Return the index where to insert item x in list a, assuming a is sorted: all items
    of a[lo:i] are <= x and all of a[i:hi] are > x."""
    if type(lo) is not int:
        lo = _index(lo)
    if lo < 0:
        raise ValueError('lo must be non-negative')
    if hi is None:
        hi = len(a)
    elif type(hi) is not int:
        hi = _hi_index(hi, a)
    elif hi == -1:          # as CPython's C implementation: -1 also means len(a)
        hi = len(a)
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if x < a[mid]:
                hi = mid
            else:
                lo = mid + 1
    else:
        while lo < hi:
            mid = (lo + hi) // 2
            if x < key(a[mid]):
                hi = mid
            else:
                lo = mid + 1
    return lo


def insort_left(a, x, lo=0, hi=None, *, key=None):
    """Insert item x in list a, and keep it sorted assuming a is sorted; before any equal
    items."""
    if key is None:
        lo = bisect_left(a, x, lo, hi)
    else:
        lo = bisect_left(a, key(x), lo, hi, key=key)
    a.insert(lo, x)


def bisect_left(a, x, lo=0, hi=None, *, key=None):
    """Return the index where to insert item x in list a, assuming a is sorted: all items
    of a[lo:i] are < x and all of a[i:hi] are >= x."""
    if type(lo) is not int:
        lo = _index(lo)
    if lo < 0:
        raise ValueError('lo must be non-negative')
    if hi is None:
        hi = len(a)
    elif type(hi) is not int:
        hi = _hi_index(hi, a)
    elif hi == -1:          # as CPython's C implementation: -1 also means len(a)
        hi = len(a)
    if key is None:
        while lo < hi:
            mid = (lo + hi) // 2
            if a[mid] < x:
                lo = mid + 1
            else:
                hi = mid
    else:
        while lo < hi:
            mid = (lo + hi) // 2
            if key(a[mid]) < x:
                lo = mid + 1
            else:
                hi = mid
    return lo


bisect = bisect_right
insort = insort_right
