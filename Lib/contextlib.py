"""Utilities for with-statement contexts: contextmanager, suppress, closing, redirect_stdout,
nullcontext, chdir, ExitStack and their asynchronous counterparts."""

import abc
import os
import sys
from functools import wraps
from types import GenericAlias

__all__ = ["asynccontextmanager", "contextmanager", "closing", "nullcontext",
           "AbstractContextManager", "AbstractAsyncContextManager", "AsyncExitStack",
           "ContextDecorator", "ExitStack", "redirect_stdout", "redirect_stderr", "suppress",
           "aclosing", "chdir"]


def _defines(cls, *names):
    """True if every name is defined (and not None) along cls's MRO, else NotImplemented:
    the structural check behind the abstract context-manager classes."""
    for name in names:
        owner = next((base for base in cls.__mro__ if name in base.__dict__), None)
        if owner is None or owner.__dict__[name] is None:
            return NotImplemented
    return True


class AbstractContextManager(abc.ABC):
    """Base class for context managers; any class with __enter__ and __exit__ is a virtual
    subclass."""

    __class_getitem__ = classmethod(GenericAlias)
    __slots__ = ()

    def __enter__(self):
        """Return self on entering the context."""
        return self

    @abc.abstractmethod
    def __exit__(self, exc_type, exc_value, traceback):
        """Leave the context; return a true value to suppress the exception."""
        return None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AbstractContextManager:
            return _defines(C, "__enter__", "__exit__")
        return NotImplemented


class AbstractAsyncContextManager(abc.ABC):
    """Base class for asynchronous context managers (__aenter__ and __aexit__)."""

    __class_getitem__ = classmethod(GenericAlias)
    __slots__ = ()

    async def __aenter__(self):
        """Return self on entering the context."""
        return self

    @abc.abstractmethod
    async def __aexit__(self, exc_type, exc_value, traceback):
        """Leave the context; return a true value to suppress the exception."""
        return None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AbstractAsyncContextManager:
            return _defines(C, "__aenter__", "__aexit__")
        return NotImplemented


class ContextDecorator(object):
    """Mixin that lets a context manager decorate a function: each call of the function
    runs inside the context."""

    def _recreate_cm(self):
        """The context manager for one call (self, unless it is single-use)."""
        return self

    def __call__(self, func):
        @wraps(func)
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        return inner


class AsyncContextDecorator(object):
    """Mixin that lets an asynchronous context manager decorate a coroutine function."""

    def _recreate_cm(self):
        return self

    def __call__(self, func):
        @wraps(func)
        async def inner(*args, **kwds):
            async with self._recreate_cm():
                return await func(*args, **kwds)
        return inner


def _exception_came_back(sent, raised):
    """After throwing `sent` into a generator that raised `raised`: True if `raised` is just
    `sent` coming back out (directly, or as the RuntimeError PEP 479 wraps a StopIteration
    in), in which case __exit__ lets the original propagate."""
    if raised is sent:
        return True
    return (isinstance(sent, (StopIteration, StopAsyncIteration)) and
            isinstance(raised, RuntimeError) and raised.__cause__ is sent)


class _GeneratorContextManager(ContextDecorator, AbstractContextManager):
    """The context manager made by @contextmanager from one call of the generator
    function."""

    def __init__(self, func, args, kwds):
        # func, args and kwds stay public (as in CPython) until the first entry.
        self.func, self.args, self.kwds = func, args, kwds
        self.gen = func(*args, **kwds)
        self.__doc__ = getattr(func, "__doc__", None) or type(self).__doc__

    def _recreate_cm(self):
        return self.__class__(self.func, self.args, self.kwds)

    def __enter__(self):
        # Recreating (ContextDecorator) is only possible before the first use.
        del self.args, self.kwds, self.func
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            self.gen.close()
            raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            self.gen.throw(value)
        except StopIteration as stop:
            # The generator swallowed the exception and finished: suppress it, unless the
            # exception was this very StopIteration.
            return stop is not value
        except BaseException as raised:
            if not _exception_came_back(value, raised):
                raise
            value.__traceback__ = traceback
            return False
        self.gen.close()
        raise RuntimeError("generator didn't stop after throw()")


class _AsyncGeneratorContextManager(AsyncContextDecorator, AbstractAsyncContextManager):
    """The asynchronous context manager made by @asynccontextmanager."""

    def __init__(self, func, args, kwds):
        # func, args and kwds stay public (as in CPython) until the first entry.
        self.func, self.args, self.kwds = func, args, kwds
        self.gen = func(*args, **kwds)
        self.__doc__ = getattr(func, "__doc__", None) or type(self).__doc__

    def _recreate_cm(self):
        return self.__class__(self.func, self.args, self.kwds)

    async def __aenter__(self):
        # Recreating (ContextDecorator) is only possible before the first use.
        del self.args, self.kwds, self.func
        try:
            return await anext(self.gen)
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None

    async def __aexit__(self, typ, value, traceback):
        if typ is None:
            try:
                await anext(self.gen)
            except StopAsyncIteration:
                return False
            await self.gen.aclose()
            raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            await self.gen.athrow(value)
        except StopAsyncIteration as stop:
            return stop is not value
        except BaseException as raised:
            if not _exception_came_back(value, raised):
                raise
            value.__traceback__ = traceback
            return False
        await self.gen.aclose()
        raise RuntimeError("generator didn't stop after athrow()")


def contextmanager(func):
    """Decorator turning a generator function that yields exactly once into a context
    manager factory: the code before the yield runs on entry, the code after it on exit,
    and an exception in the with-block is raised at the yield."""
    @wraps(func)
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return helper


def asynccontextmanager(func):
    """Like contextmanager, for asynchronous generator functions (async with)."""
    @wraps(func)
    def helper(*args, **kwds):
        return _AsyncGeneratorContextManager(func, args, kwds)
    return helper


class closing(AbstractContextManager):
    """Call thing.close() when the block ends."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class aclosing(AbstractAsyncContextManager):
    """Await thing.aclose() when the async block ends (e.g. for async generators)."""

    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()


class _StreamSwap(AbstractContextManager):
    """Temporarily replace sys.<_stream>; reentrant (a stack of previous values)."""

    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        self._saved = []

    def __enter__(self):
        self._saved.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._new_target)
        return self._new_target

    def __exit__(self, *exc_info):
        setattr(sys, self._stream, self._saved.pop())


class redirect_stdout(_StreamSwap):
    """Send sys.stdout to another file object for the duration of the block."""

    _stream = "stdout"


class redirect_stderr(_StreamSwap):
    """Send sys.stderr to another file object for the duration of the block."""

    _stream = "stderr"


class suppress(AbstractContextManager):
    """Suppress the given exception types raised in the block.  An exception group is
    suppressed when all of its leaves are; otherwise the rest is re-raised (3.12+)."""

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        if exctype is None:
            return False
        if issubclass(exctype, self._exceptions):
            return True
        if issubclass(exctype, BaseExceptionGroup):
            _, rest = excinst.split(self._exceptions)
            if rest is None:
                return True
            raise rest
        return False


class _BaseExitStack:
    """The exit callbacks shared by ExitStack and AsyncExitStack: a list of
    (is_async, callback(exc_type, exc, tb)) pairs run last-in first-out."""

    def __init__(self):
        self._exit_callbacks = []

    def pop_all(self):
        """Move all callbacks to a new stack of the same type and return it."""
        moved = type(self)()
        moved._exit_callbacks, self._exit_callbacks = self._exit_callbacks, []
        return moved

    def push(self, exit):
        """Register exit: a context manager (its __exit__ is registered) or a callable with
        __exit__'s signature.  Returns exit, so push can decorate."""
        exit_method = getattr(type(exit), '__exit__', None)
        if exit_method is None:
            self._exit_callbacks.append((False, exit))
        else:
            self._exit_callbacks.append((False, exit_method.__get__(exit, type(exit))))
        return exit

    def enter_context(self, cm):
        """Enter the context manager cm, register its __exit__ and return what __enter__
        returned."""
        cls = type(cm)
        enter = getattr(cls, '__enter__', None)
        leave = getattr(cls, '__exit__', None)
        if enter is None or leave is None:
            raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does "
                            f"not support the context manager protocol")
        result = enter(cm)
        self._exit_callbacks.append((False, leave.__get__(cm, cls)))
        return result

    def callback(self, callback, /, *args, **kwds):
        """Register callback(*args, **kwds) to run at exit (it cannot suppress
        exceptions).  Returns callback."""
        def run(exc_type, exc, tb):
            callback(*args, **kwds)
        run.__wrapped__ = callback
        self._exit_callbacks.append((False, run))
        return callback


def _chain_context(new_exc, old_exc, frame_exc):
    """Make old_exc the context of new_exc (raised by a later callback), walking past the
    contexts new_exc already has but stopping at the exception the frame was handling, so
    that no cycle is created."""
    while True:
        context = new_exc.__context__
        if context is None or context is old_exc:
            return
        if context is frame_exc:
            break
        new_exc = context
    new_exc.__context__ = old_exc


class ExitStack(_BaseExitStack, AbstractContextManager):
    """A context manager holding a stack of exit callbacks (context managers entered with
    enter_context, callbacks); on exit they run last-in first-out, each seeing the
    exception left by the ones before, any of them able to suppress it."""

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        exc = exc_details[1]
        had_exception = exc is not None
        frame_exc = sys.exception()
        suppressed = False
        pending = False
        while self._exit_callbacks:
            _, callback = self._exit_callbacks.pop()
            details = (None, None, None) if exc is None else (type(exc), exc,
                                                              exc.__traceback__)
            try:
                if callback(*details):
                    suppressed = True
                    pending = False
                    exc = None
            except BaseException as new_exc:
                _chain_context(new_exc, exc, frame_exc)
                pending = True
                exc = new_exc
        if pending:
            context = exc.__context__
            try:
                raise exc
            finally:
                exc.__context__ = context
        return had_exception and suppressed

    def close(self):
        """Run and remove all callbacks now."""
        self.__exit__(None, None, None)


class AsyncExitStack(_BaseExitStack, AbstractAsyncContextManager):
    """Like ExitStack, also accepting asynchronous context managers and callbacks."""

    async def enter_async_context(self, cm):
        """Enter the asynchronous context manager cm and register its __aexit__."""
        cls = type(cm)
        enter = getattr(cls, '__aenter__', None)
        leave = getattr(cls, '__aexit__', None)
        if enter is None or leave is None:
            raise TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does "
                            f"not support the asynchronous context manager protocol")
        result = await enter(cm)
        self._exit_callbacks.append((True, leave.__get__(cm, cls)))
        return result

    def push_async_exit(self, exit):
        """Register an asynchronous context manager's __aexit__, or a coroutine function
        with __aexit__'s signature."""
        exit_method = getattr(type(exit), '__aexit__', None)
        if exit_method is None:
            self._exit_callbacks.append((True, exit))
        else:
            self._exit_callbacks.append((True, exit_method.__get__(exit, type(exit))))
        return exit

    def push_async_callback(self, callback, /, *args, **kwds):
        """Register the coroutine function callback(*args, **kwds)."""
        async def run(exc_type, exc, tb):
            await callback(*args, **kwds)
        run.__wrapped__ = callback
        self._exit_callbacks.append((True, run))
        return callback

    async def aclose(self):
        """Run and remove all callbacks now."""
        await self.__aexit__(None, None, None)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details):
        exc = exc_details[1]
        had_exception = exc is not None
        frame_exc = sys.exception()
        suppressed = False
        pending = False
        while self._exit_callbacks:
            is_async, callback = self._exit_callbacks.pop()
            details = (None, None, None) if exc is None else (type(exc), exc,
                                                              exc.__traceback__)
            try:
                result = callback(*details)
                if is_async:
                    result = await result
                if result:
                    suppressed = True
                    pending = False
                    exc = None
            except BaseException as new_exc:
                _chain_context(new_exc, exc, frame_exc)
                pending = True
                exc = new_exc
        if pending:
            context = exc.__context__
            try:
                raise exc
            finally:
                exc.__context__ = context
        return had_exception and suppressed


class nullcontext(AbstractContextManager, AbstractAsyncContextManager):
    """A context manager that does nothing; `with nullcontext(x) as y` binds y to x."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass

    async def __aenter__(self):
        return self.enter_result

    async def __aexit__(self, *excinfo):
        pass


class chdir(AbstractContextManager):
    """Change the working directory for the duration of the block (not thread-safe: the
    working directory belongs to the process)."""

    def __init__(self, path):
        self.path = path
        self._previous = []

    def __enter__(self):
        self._previous.append(os.getcwd())
        os.chdir(self.path)

    def __exit__(self, *excinfo):
        os.chdir(self._previous.pop())
