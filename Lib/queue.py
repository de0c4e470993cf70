"""Synchronized queues for threads: Queue (first in, first out), LifoQueue, PriorityQueue
and SimpleQueue.

Queue keeps one lock and three condition variables on it: `not_empty` (getters wait on it),
`not_full` (putters of a bounded queue wait on it) and `all_tasks_done` (join() waits on
it).  Subclasses change the storage through _init/_qsize/_put/_get.
"""

import threading
from collections import deque
from heapq import heappush, heappop
from time import monotonic

__all__ = ['Empty', 'Full', 'ShutDown', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']


try:
    from _queue import Empty
except ImportError:
    class Empty(Exception):
        """Raised by a non-blocking get() (or a timed-out one) when no item is available."""


class Full(Exception):
    """Raised by a non-blocking put() (or a timed-out one) when the queue is full."""


class ShutDown(Exception):
    """Raised by put() and get() on a queue that has been shut down."""


def _check_timeout(timeout):
    if timeout is not None and timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")


class Queue:
    """A FIFO queue for threads; maxsize <= 0 means unbounded."""

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0
        self.is_shutdown = False

    # ---- storage: override these for another order ------------------------------------

    def _init(self, maxsize):
        self.queue = deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()

    # ---- waiting helpers (called with the mutex held) -----------------------------------

    def _wait_until(self, condition, ready, block, timeout, error):
        """Wait on condition until ready() is true; raise error if that cannot happen in
        time (or at once when not blocking).  Raises ShutDown when the queue is shut down
        while waiting and the wait should end (the caller decides through ready)."""
        if ready():
            return
        if not block:
            raise error
        deadline = None if timeout is None else monotonic() + timeout
        while not ready():
            if self.is_shutdown:
                raise ShutDown
            if deadline is None:
                condition.wait()
            else:
                remaining = deadline - monotonic()
                if remaining <= 0:
                    raise error
                condition.wait(remaining)

    def _has_room(self):
        return self.maxsize <= 0 or self._qsize() < self.maxsize

    def _has_item(self):
        return self._qsize() > 0

    # ---- the public interface -----------------------------------------------------------

    def put(self, item, block=True, timeout=None):
        """Put item into the queue.  If the queue is full, wait for a free slot (up to
        timeout seconds) when block is true, else raise Full.  Raises ShutDown if the
        queue has been shut down."""
        # Like CPython, the timeout is only checked where it could matter: a bounded queue.
        _check_timeout(timeout if block and self.maxsize > 0 else None)
        with self.not_full:
            if self.is_shutdown:
                raise ShutDown
            self._wait_until(self.not_full, self._has_room, block, timeout, Full)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        """Remove and return an item.  If the queue is empty, wait for one (up to timeout
        seconds) when block is true, else raise Empty.  Raises ShutDown if the queue has
        been shut down and is empty."""
        _check_timeout(timeout if block else None)
        with self.not_empty:
            if self.is_shutdown and not self._has_item():
                raise ShutDown
            self._wait_until(self.not_empty, self._has_item, block, timeout, Empty)
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        """Put item into the queue without blocking (Full if there is no free slot)."""
        return self.put(item, block=False)

    def get_nowait(self):
        """Remove and return an item without blocking (Empty if there is none)."""
        return self.get(block=False)

    def task_done(self):
        """Mark one item retrieved with get() as processed; join() returns once every
        item put has been marked.  ValueError if called more times than items were put."""
        with self.all_tasks_done:
            if self.unfinished_tasks <= 0:
                raise ValueError('task_done() called too many times')
            self.unfinished_tasks -= 1
            if self.unfinished_tasks == 0:
                self.all_tasks_done.notify_all()

    def join(self):
        """Block until every item put into the queue has been processed (task_done)."""
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        """The approximate number of items (another thread may change it at once)."""
        with self.mutex:
            return self._qsize()

    def empty(self):
        """True if the queue is empty at this moment (not reliable between threads)."""
        with self.mutex:
            return not self._has_item()

    def full(self):
        """True if the queue is full at this moment (not reliable between threads)."""
        with self.mutex:
            return not self._has_room()

    def shutdown(self, immediate=False):
        """Shut the queue down: put() raises ShutDown from now on, and get() once the queue
        is empty.  With immediate=True the remaining items are discarded (join() returns)
        and blocked getters raise ShutDown at once."""
        with self.mutex:
            self.is_shutdown = True
            if immediate:
                while self._has_item():
                    self._get()
                    if self.unfinished_tasks > 0:
                        self.unfinished_tasks -= 1
                self.all_tasks_done.notify_all()
            self.not_empty.notify_all()
            self.not_full.notify_all()

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


class LifoQueue(Queue):
    """A queue that returns the most recently added item first."""

    def _init(self, maxsize):
        self.queue = []

    def _get(self):
        return self.queue.pop()


class PriorityQueue(Queue):
    """A queue that returns the smallest item first (items are typically (priority, data)
    tuples)."""

    def _init(self, maxsize):
        self.queue = []

    def _put(self, item):
        heappush(self.queue, item)

    def _get(self):
        return heappop(self.queue)


class _PySimpleQueue:
    """An unbounded FIFO queue without task tracking; put() never blocks."""

    def __init__(self):
        self._items = deque()
        self._available = threading.Semaphore(0)

    def put(self, item, block=True, timeout=None):
        """Add item; block and timeout are accepted for compatibility with Queue.put."""
        self._items.append(item)
        self._available.release()

    def get(self, block=True, timeout=None):
        """Remove and return the oldest item, waiting up to timeout seconds when block is
        true; Empty if none is available."""
        _check_timeout(timeout if block else None)
        if not self._available.acquire(block, timeout if block else None):
            raise Empty
        return self._items.popleft()

    def put_nowait(self, item):
        """Same as put(item)."""
        self.put(item)

    def get_nowait(self):
        """Remove and return an item if one is available at once, else raise Empty."""
        return self.get(False)

    def empty(self):
        """True if the queue is empty at this moment (not reliable between threads)."""
        return not self._items

    def qsize(self):
        """The approximate number of items."""
        return len(self._items)

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


try:
    from _queue import SimpleQueue
except ImportError:
    SimpleQueue = _PySimpleQueue
