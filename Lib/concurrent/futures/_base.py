"""Futures, the Executor interface, wait() and as_completed().

A Future moves from pending to running to finished, or from pending to cancelled; its
condition variable guards the state, the outcome and the list of waiters.  wait() and
as_completed() register a _Waiter with every future they watch; a future reports to its
waiters when it finishes or its cancellation is confirmed.  Done-callbacks run outside the
future's lock.
"""

import sys
import threading
import time
import types

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'
_EVERY_COMPLETION = '_EVERY_COMPLETION'

PENDING = 'PENDING'
RUNNING = 'RUNNING'
CANCELLED = 'CANCELLED'
CANCELLED_AND_NOTIFIED = 'CANCELLED_AND_NOTIFIED'
FINISHED = 'FINISHED'

_DONE_STATES = (CANCELLED, CANCELLED_AND_NOTIFIED, FINISHED)
_STATE_TEXT = {PENDING: "pending", RUNNING: "running", CANCELLED: "cancelled",
               CANCELLED_AND_NOTIFIED: "cancelled", FINISHED: "finished"}


class Error(Exception):
    """Base class for all future-related exceptions."""


class CancelledError(Error):
    """The Future was cancelled."""


TimeoutError = TimeoutError


class InvalidStateError(Error):
    """The operation is not allowed in this state."""


class BrokenExecutor(RuntimeError):
    """Raised when an executor has become non-functional after a severe failure."""


class _Waiter:
    """Collects the futures that complete, for one wait() or as_completed() call.

    mode decides when `event` is set: at the first completion (FIRST_COMPLETED and
    as_completed), at the first exception or when all are done (FIRST_EXCEPTION), or
    when all are done (ALL_COMPLETED)."""

    def __init__(self, mode, pending):
        self.mode = mode
        self.pending = pending
        self.event = threading.Event()
        self.lock = threading.Lock()     # guards finished and pending
        self.finished = []

    def future_done(self, future, raised):
        with self.lock:
            self.finished.append(future)
            self.pending -= 1
            if (self.mode in (FIRST_COMPLETED, _EVERY_COMPLETION) or self.pending <= 0 or
                    (self.mode == FIRST_EXCEPTION and raised)):
                self.event.set()

    def take_finished(self):
        """Return and forget the futures finished since the last call."""
        with self.lock:
            finished, self.finished = self.finished, []
            self.event.clear()
            return finished


class _LockAll:
    """Hold the conditions of several futures at once (taken in id order)."""

    def __init__(self, futures):
        self.futures = sorted(futures, key=id)

    def __enter__(self):
        for future in self.futures:
            future._condition.acquire()

    def __exit__(self, *exc_info):
        for future in self.futures:
            future._condition.release()


def _is_done(future):
    return future._state in (CANCELLED_AND_NOTIFIED, FINISHED)


def as_completed(fs, timeout=None):
    """Yield the given futures as they complete (finished or cancelled), each once.
    TimeoutError when the next one is not done timeout seconds after the call."""
    deadline = None if timeout is None else time.monotonic() + timeout
    fs = set(fs)
    total = len(fs)
    with _LockAll(fs):
        done = [f for f in fs if _is_done(f)]
        pending = fs - set(done)
        waiter = _Waiter(_EVERY_COMPLETION, len(pending))
        for f in fs:
            f._waiters.append(waiter)
    try:
        yield from done
        while pending:
            remaining = None if deadline is None else deadline - time.monotonic()
            if remaining is not None and remaining < 0:
                raise TimeoutError('%d (of %d) futures unfinished' % (len(pending), total))
            waiter.event.wait(remaining)
            for f in waiter.take_finished():
                if f in pending:
                    pending.discard(f)
                    yield f
    finally:
        for f in fs:
            with f._condition:
                f._waiters.remove(waiter)


class DoneAndNotDoneFutures(tuple):
    """DoneAndNotDoneFutures(done, not_done): the result of wait()."""

    __slots__ = ()

    def __new__(cls, done, not_done):
        return tuple.__new__(cls, (done, not_done))

    done = property(lambda self: self[0])
    not_done = property(lambda self: self[1])

    def __repr__(self):
        return 'DoneAndNotDoneFutures(done=%r, not_done=%r)' % tuple(self)


def wait(fs, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the futures in fs as return_when says (FIRST_COMPLETED, FIRST_EXCEPTION or
    ALL_COMPLETED), at most timeout seconds.  Returns the sets (done, not_done)."""
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError("Invalid return condition: %r" % return_when)
    fs = set(fs)
    with _LockAll(fs):
        done = {f for f in fs if _is_done(f)}
        not_done = fs - done
        satisfied = (not not_done or
                     (return_when == FIRST_COMPLETED and done) or
                     (return_when == FIRST_EXCEPTION and
                      any(not f.cancelled() and f._exception is not None for f in done)))
        if satisfied:
            return DoneAndNotDoneFutures(done, not_done)
        waiter = _Waiter(return_when, len(not_done))
        for f in fs:
            f._waiters.append(waiter)
    waiter.event.wait(timeout)
    for f in fs:
        with f._condition:
            f._waiters.remove(waiter)
    done.update(waiter.take_finished())
    return DoneAndNotDoneFutures(done, fs - done)


def _result_or_cancel(fut, timeout=None):
    try:
        return fut.result(timeout)
    finally:
        fut.cancel()


def _report_callback_error(future):
    """Log an exception raised by a done-callback ('exception calling callback for ...')."""
    try:
        import logging
    except ImportError:
        import traceback
        print('exception calling callback for %r' % future, file=sys.stderr)
        traceback.print_exc()
        return
    logging.getLogger("concurrent.futures").exception(
        'exception calling callback for %r', future)


class Future:
    """The result of an asynchronous computation."""

    def __init__(self):
        """Initialize the future (executors create futures; clients should not)."""
        self._condition = threading.Condition()
        self._state = PENDING
        self._result = None
        self._exception = None
        self._waiters = []
        self._done_callbacks = []

    def __repr__(self):
        with self._condition:
            text = '<%s at %#x state=%s' % (self.__class__.__name__, id(self),
                                            _STATE_TEXT[self._state])
            if self._state == FINISHED:
                if self._exception:
                    text += ' raised %s' % self._exception.__class__.__name__
                else:
                    text += ' returned %s' % self._result.__class__.__name__
            return text + '>'

    def _run_callbacks(self):
        for callback in self._done_callbacks:
            try:
                callback(self)
            except Exception:
                _report_callback_error(self)

    def cancel(self):
        """Cancel the future if it has not started; True if it is now cancelled, False if
        it is running or finished."""
        with self._condition:
            if self._state in (RUNNING, FINISHED):
                return False
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                return True
            self._state = CANCELLED
            self._condition.notify_all()
        self._run_callbacks()
        return True

    def cancelled(self):
        """True if the future was cancelled."""
        with self._condition:
            return self._state in (CANCELLED, CANCELLED_AND_NOTIFIED)

    def running(self):
        """True if the future is currently executing."""
        with self._condition:
            return self._state == RUNNING

    def done(self):
        """True if the future was cancelled or finished executing."""
        with self._condition:
            return self._state in _DONE_STATES

    def add_done_callback(self, fn):
        """Call fn(future) when the future finishes or is cancelled (at once if it already
        has).  Exceptions raised by fn are logged, not propagated."""
        with self._condition:
            if self._state not in _DONE_STATES:
                self._done_callbacks.append(fn)
                return
        try:
            fn(self)
        except Exception:
            _report_callback_error(self)

    def _outcome(self, timeout, want_result):
        """Wait for the outcome; return the result (or the exception) or raise."""
        with self._condition:
            if self._state not in _DONE_STATES:
                self._condition.wait(timeout)
            if self._state in (CANCELLED, CANCELLED_AND_NOTIFIED):
                raise CancelledError()
            if self._state != FINISHED:
                raise TimeoutError()
            if not want_result:
                return self._exception
            if self._exception is not None:
                raise self._exception
            return self._result

    def result(self, timeout=None):
        """The call's result, waiting up to timeout seconds.  Raises CancelledError,
        TimeoutError, or the exception the call raised."""
        return self._outcome(timeout, True)

    def exception(self, timeout=None):
        """The exception the call raised (None if it returned), waiting up to timeout
        seconds."""
        return self._outcome(timeout, False)

    def set_running_or_notify_cancel(self):
        """Called by executors before running the call: mark the future running and return
        True, or, if it was cancelled, notify the waiters and return False."""
        with self._condition:
            if self._state == CANCELLED:
                self._state = CANCELLED_AND_NOTIFIED
                for waiter in self._waiters:
                    waiter.future_done(self, False)
                return False
            if self._state == PENDING:
                self._state = RUNNING
                return True
            raise RuntimeError('Future in unexpected state')

    def _finish(self, result, exception):
        with self._condition:
            if self._state in _DONE_STATES:
                raise InvalidStateError('{}: {!r}'.format(self._state, self))
            self._result = result
            self._exception = exception
            self._state = FINISHED
            for waiter in self._waiters:
                waiter.future_done(self, exception is not None)
            self._condition.notify_all()
        self._run_callbacks()

    def set_result(self, result):
        """Record the call's return value (executors and tests use this)."""
        self._finish(result, None)

    def set_exception(self, exception):
        """Record the exception the call raised (executors and tests use this)."""
        self._finish(None, exception)

    __class_getitem__ = classmethod(types.GenericAlias)


class Executor:
    """Abstract base class of executors (ThreadPoolExecutor, ProcessPoolExecutor)."""

    def submit(self, fn, /, *args, **kwargs):
        """Schedule fn(*args, **kwargs) and return a Future for its result."""
        raise NotImplementedError()

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Like map(fn, *iterables), with the calls run by the executor: every call is
        submitted at once and the results are yielded in order.  TimeoutError if a
        result is not ready timeout seconds after the call to map()."""
        deadline = None if timeout is None else time.monotonic() + timeout
        futures = [self.submit(fn, *args) for args in zip(*iterables)]

        def results():
            try:
                futures.reverse()
                while futures:
                    wait_for = None if deadline is None else deadline - time.monotonic()
                    yield _result_or_cancel(futures.pop(), wait_for)
            finally:
                for future in futures:
                    future.cancel()
        return results()

    def shutdown(self, wait=True, *, cancel_futures=False):
        """Release the executor's resources once pending futures are done (blocking until
        then with wait); cancel_futures cancels the calls not yet started."""
        pass

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.shutdown(wait=True)
        return False
