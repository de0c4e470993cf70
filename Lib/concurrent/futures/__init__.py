"""Execute computations asynchronously using threads.

The ThreadPoolExecutor runs callables in a pool of threads and returns Futures; wait() and
as_completed() wait for several futures.  ProcessPoolExecutor arrives with multiprocessing.
"""

from concurrent.futures._base import (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED,
                                      CancelledError, TimeoutError, InvalidStateError,
                                      BrokenExecutor, Future, Executor, wait, as_completed)

__all__ = ('FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED', 'CancelledError',
           'TimeoutError', 'BrokenExecutor', 'Future', 'Executor', 'wait', 'as_completed',
           'ProcessPoolExecutor', 'ThreadPoolExecutor', 'InvalidStateError')


def __dir__():
    return __all__ + ('__author__', '__doc__')


def __getattr__(name):
    if name == 'ThreadPoolExecutor':
        from .thread import ThreadPoolExecutor as executor
        globals()[name] = executor
        return executor
    if name == 'ProcessPoolExecutor':
        from .process import ProcessPoolExecutor as executor
        globals()[name] = executor
        return executor
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
