"""Tests of contextlib."""

import contextlib
import io
import os
import sys
import unittest


class ContextManagerTests(unittest.TestCase):

    def test_contextmanager_order(self):
        events = []

        @contextlib.contextmanager
        def managed(name):
            events.append('enter ' + name)
            try:
                yield name.upper()
            finally:
                events.append('exit ' + name)
        with managed('a') as value:
            events.append('body ' + value)
        self.assertEqual(events, ['enter a', 'body A', 'exit a'])

    def test_contextmanager_exception(self):
        @contextlib.contextmanager
        def swallow():
            try:
                yield
            except ValueError:
                pass
        with swallow():
            raise ValueError('gone')

        @contextlib.contextmanager
        def passthrough():
            yield
        with self.assertRaises(KeyError):
            with passthrough():
                raise KeyError('kept')

    def test_contextmanager_errors(self):
        @contextlib.contextmanager
        def no_yield():
            if False:
                yield
        with self.assertRaises(RuntimeError):
            with no_yield():
                pass

        @contextlib.contextmanager
        def two_yields():
            yield
            yield
        with self.assertRaises(RuntimeError):
            with two_yields():
                pass

    def test_as_decorator(self):
        calls = []

        @contextlib.contextmanager
        def logged():
            calls.append('in')
            yield
            calls.append('out')

        @logged()
        def work():
            calls.append('work')
        work()
        work()
        self.assertEqual(calls, ['in', 'work', 'out'] * 2)

    def test_suppress(self):
        with contextlib.suppress(KeyError, IndexError):
            {}['x']
        with contextlib.suppress(ValueError):
            raise ExceptionGroup('g', [ValueError()])
        with self.assertRaises(TypeError):
            with contextlib.suppress(ValueError):
                raise TypeError

    def test_closing_nullcontext_redirect(self):
        class Thing:
            closed = False

            def close(self):
                self.closed = True
        t = Thing()
        with contextlib.closing(t) as got:
            self.assertIs(got, t)
        self.assertTrue(t.closed)
        with contextlib.nullcontext(5) as value:
            self.assertEqual(value, 5)
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            print('captured')
        self.assertEqual(buffer.getvalue(), 'captured\n')

    def test_exit_stack(self):
        order = []
        with contextlib.ExitStack() as stack:
            stack.callback(order.append, 'first registered')
            stack.callback(order.append, 'second registered')
            self.assertEqual(order, [])
        self.assertEqual(order, ['second registered', 'first registered'])

        with contextlib.ExitStack() as stack:
            stack.push(lambda *exc: True)
            raise ValueError('suppressed by the pushed exit')

        with contextlib.ExitStack() as stack:
            moved = stack.pop_all()
            moved.callback(order.append, 'moved')
        self.assertNotIn('moved', order)
        moved.close()
        self.assertEqual(order[-1], 'moved')

    def test_exit_stack_enter_context(self):
        @contextlib.contextmanager
        def tag(name, log):
            log.append('+' + name)
            yield name
            log.append('-' + name)
        log = []
        with contextlib.ExitStack() as stack:
            names = [stack.enter_context(tag(n, log)) for n in 'ab']
        self.assertEqual(names, ['a', 'b'])
        self.assertEqual(log, ['+a', '+b', '-b', '-a'])
        with self.assertRaises(TypeError):
            with contextlib.ExitStack() as stack:
                stack.enter_context(object())

    def test_chdir(self):
        old = os.getcwd()
        with contextlib.chdir('/'):
            self.assertEqual(os.getcwd(), '/')
        self.assertEqual(os.getcwd(), old)

    def test_abstract_context_manager(self):
        class CM:
            def __enter__(self):
                return self

            def __exit__(self, *a):
                return None
        self.assertTrue(issubclass(CM, contextlib.AbstractContextManager))
        self.assertFalse(issubclass(int, contextlib.AbstractContextManager))



def _drive(coro, value=None):
    """Run a coroutine that never really suspends; return its result."""
    try:
        coro.send(value)
    except StopIteration as exc:
        return exc.value
    raise AssertionError('coroutine suspended unexpectedly')


class ContextManagerDetailTests(unittest.TestCase):

    def test_exception_passed_into_generator_can_be_suppressed(self):
        seen = []

        @contextlib.contextmanager
        def cm():
            try:
                yield 'v'
            except KeyError as exc:
                seen.append(exc.args)
        with cm() as v:
            self.assertEqual(v, 'v')
            raise KeyError('k')
        self.assertEqual(seen, [('k',)])

    def test_exception_reraised_keeps_identity(self):
        @contextlib.contextmanager
        def cm():
            yield
        err = ValueError('x')
        with self.assertRaises(ValueError) as ctx:
            with cm():
                raise err
        self.assertIs(ctx.exception, err)

    def test_generator_raising_different_exception(self):
        @contextlib.contextmanager
        def cm():
            try:
                yield
            except ValueError:
                raise TypeError('replaced')
        with self.assertRaises(TypeError) as ctx:
            with cm():
                raise ValueError('orig')
        self.assertIsInstance(ctx.exception.__context__, ValueError)

    def test_generator_did_not_stop(self):
        @contextlib.contextmanager
        def cm():
            yield
            yield
        with self.assertRaises(RuntimeError) as ctx:
            with cm():
                pass
        self.assertEqual(str(ctx.exception), "generator didn't stop")

    def test_generator_did_not_stop_after_throw(self):
        @contextlib.contextmanager
        def cm():
            try:
                yield
            except ValueError:
                yield
        with self.assertRaises(RuntimeError) as ctx:
            with cm():
                raise ValueError
        self.assertEqual(str(ctx.exception), "generator didn't stop after throw()")

    def test_generator_did_not_yield(self):
        @contextlib.contextmanager
        def cm():
            if False:
                yield
        with self.assertRaises(RuntimeError) as ctx:
            with cm():
                pass
        self.assertEqual(str(ctx.exception), "generator didn't yield")

    def test_stop_iteration_in_body_propagates(self):
        @contextlib.contextmanager
        def cm():
            yield
        stop = StopIteration('s')
        with self.assertRaises(StopIteration) as ctx:
            with cm():
                raise stop
        self.assertIs(ctx.exception, stop)

    def test_stop_iteration_suppressed_by_generator(self):
        @contextlib.contextmanager
        def cm():
            try:
                yield
            except StopIteration:
                pass
        with cm():
            raise StopIteration('gone')

    def test_runtime_error_from_body_propagates(self):
        @contextlib.contextmanager
        def cm():
            yield
        err = RuntimeError('body')
        with self.assertRaises(RuntimeError) as ctx:
            with cm():
                raise err
        self.assertIs(ctx.exception, err)

    def test_return_in_exit_stops_after_exception(self):
        @contextlib.contextmanager
        def cm():
            try:
                yield
            finally:
                return
        with cm():
            raise ZeroDivisionError

    def test_arguments_and_wraps(self):
        @contextlib.contextmanager
        def cm(a, b=2, *, c):
            """doc of cm"""
            yield (a, b, c)
        self.assertEqual(cm.__name__, 'cm')
        self.assertEqual(cm.__doc__, 'doc of cm')
        with cm(1, c=3) as t:
            self.assertEqual(t, (1, 2, 3))

    def test_recreated_for_each_decorated_call(self):
        calls = []

        @contextlib.contextmanager
        def cm():
            calls.append('enter')
            yield
            calls.append('exit')

        @cm()
        def f(x):
            calls.append(x)
            return x * 2
        self.assertEqual(f(1), 2)
        self.assertEqual(f(2), 4)
        self.assertEqual(calls, ['enter', 1, 'exit', 'enter', 2, 'exit'])

    def test_generator_cm_type_and_attributes(self):
        def gen(a, b=1):
            yield a + b
        factory = contextlib.contextmanager(gen)
        obj = factory(1, b=2)
        self.assertIsInstance(obj, contextlib._GeneratorContextManager)
        self.assertIs(obj.func, gen)
        self.assertEqual((obj.args, obj.kwds), ((1,), {'b': 2}))
        with obj as v:
            self.assertEqual(v, 3)
        self.assertFalse(hasattr(obj, 'func'))

        async def agen():
            yield
        self.assertIsInstance(contextlib.asynccontextmanager(agen)(),
                              contextlib._AsyncGeneratorContextManager)
        self.assertIn(contextlib._BaseExitStack, contextlib.ExitStack.__mro__)
        self.assertIn(contextlib._BaseExitStack, contextlib.AsyncExitStack.__mro__)

    def test_cm_object_not_reusable(self):
        @contextlib.contextmanager
        def cm():
            yield
        obj = cm()
        with obj:
            pass
        # A second entry fails (CPython raises AttributeError: the arguments
        # were discarded on first use).
        with self.assertRaises(AttributeError):
            with obj:
                pass


class AsyncContextManagerTests(unittest.TestCase):

    def test_asynccontextmanager_manual(self):
        log = []

        @contextlib.asynccontextmanager
        async def acm(x):
            log.append('enter')
            yield x + 1
            log.append('exit')

        async def main():
            async with acm(1) as v:
                log.append(v)
            return 'done'
        self.assertEqual(_drive(main()), 'done')
        self.assertEqual(log, ['enter', 2, 'exit'])

    def test_asynccontextmanager_exception_suppressed(self):
        @contextlib.asynccontextmanager
        async def acm():
            try:
                yield
            except KeyError:
                pass

        async def main():
            async with acm():
                raise KeyError
            return 'ok'
        self.assertEqual(_drive(main()), 'ok')

    def test_asynccontextmanager_did_not_stop(self):
        @contextlib.asynccontextmanager
        async def acm():
            yield
            yield

        async def main():
            async with acm():
                pass
        with self.assertRaises(RuntimeError) as ctx:
            _drive(main())
        self.assertEqual(str(ctx.exception), "generator didn't stop")

    def test_asynccontextmanager_propagates(self):
        @contextlib.asynccontextmanager
        async def acm():
            yield

        async def main():
            async with acm():
                raise ValueError('v')
        with self.assertRaises(ValueError):
            _drive(main())

    def test_asynccontextmanager_as_decorator(self):
        log = []

        @contextlib.asynccontextmanager
        async def acm():
            log.append('in')
            yield
            log.append('out')

        @acm()
        async def f(x):
            log.append(x)
            return x
        self.assertEqual(_drive(f(5)), 5)
        self.assertEqual(log, ['in', 5, 'out'])

    def test_aclosing(self):
        log = []

        class Thing:
            async def aclose(self):
                log.append('aclosed')

        async def main():
            async with contextlib.aclosing(Thing()) as t:
                self.assertIsInstance(t, Thing)
        _drive(main())
        self.assertEqual(log, ['aclosed'])

    def test_async_nullcontext(self):
        async def main():
            async with contextlib.nullcontext(7) as v:
                return v
        self.assertEqual(_drive(main()), 7)

    def test_async_exit_stack(self):
        log = []

        async def acb(x):
            log.append(('async', x))

        @contextlib.asynccontextmanager
        async def acm(n):
            log.append(('enter', n))
            yield n
            log.append(('exit', n))

        async def main():
            async with contextlib.AsyncExitStack() as stack:
                v = await stack.enter_async_context(acm(1))
                stack.push_async_callback(acb, 'x')
                stack.callback(log.append, 'sync')
                w = stack.enter_context(contextlib.nullcontext(2))
                log.append((v, w))
        _drive(main())
        self.assertEqual(log, [('enter', 1), (1, 2), 'sync', ('async', 'x'),
                               ('exit', 1)])

    def test_async_exit_stack_enter_errors(self):
        class Plain:
            pass

        async def main():
            async with contextlib.AsyncExitStack() as stack:
                await stack.enter_async_context(Plain())
        with self.assertRaises(TypeError) as ctx:
            _drive(main())
        self.assertEqual(str(ctx.exception),
                         f"'{__name__}.{Plain.__qualname__}' object does not support "
                         "the asynchronous context manager protocol")

    def test_abstract_async_context_manager(self):
        class ACM:
            async def __aenter__(self):
                return self

            async def __aexit__(self, *a):
                return None
        self.assertTrue(issubclass(ACM, contextlib.AbstractAsyncContextManager))
        self.assertFalse(issubclass(ACM, contextlib.AbstractContextManager))


class ExitStackDetailTests(unittest.TestCase):

    def test_callbacks_lifo_with_args(self):
        log = []
        with contextlib.ExitStack() as stack:
            for i in range(3):
                stack.callback(log.append, i)
            cb = stack.callback(lambda *a, **k: log.append((a, k)), 1, key=2)
            self.assertTrue(callable(cb))
        self.assertEqual(log, [((1,), {'key': 2}), 2, 1, 0])

    def test_callback_returns_original(self):
        def f(*args):
            pass
        with contextlib.ExitStack() as stack:
            self.assertIs(stack.callback(f), f)
            self.assertIs(stack.push(f), f)
        # push()ed f got called as an exit function with three Nones.

    def test_push_exit_receives_exception_and_can_suppress(self):
        got = []

        def exit_fn(et, ev, tb):
            got.append((et, type(ev)))
            return True
        with contextlib.ExitStack() as stack:
            stack.push(exit_fn)
            raise KeyError
        self.assertEqual(got, [(KeyError, KeyError)])

    def test_push_context_manager_object_uses_exit_only(self):
        log = []

        class CM:
            def __enter__(self):
                log.append('enter')

            def __exit__(self, *a):
                log.append('exit')
        with contextlib.ExitStack() as stack:
            stack.push(CM())
        self.assertEqual(log, ['exit'])

    def test_pop_all(self):
        log = []
        with contextlib.ExitStack() as stack:
            stack.callback(log.append, 'a')
            new = stack.pop_all()
        self.assertEqual(log, [])
        self.assertIsInstance(new, contextlib.ExitStack)
        new.close()
        self.assertEqual(log, ['a'])
        new.close()
        self.assertEqual(log, ['a'])

    def test_exception_chaining_between_callbacks(self):
        def raise_value():
            raise ValueError('inner')

        def raise_key():
            raise KeyError('outer')
        with self.assertRaises(KeyError) as ctx:
            with contextlib.ExitStack() as stack:
                stack.callback(raise_key)
                stack.callback(raise_value)
                raise IndexError('body')
        exc = ctx.exception
        self.assertIsInstance(exc.__context__, ValueError)
        self.assertIsInstance(exc.__context__.__context__, IndexError)

    def test_suppress_then_later_callbacks_see_no_exception(self):
        seen = []

        def record(*exc):
            seen.append(exc[0])
        with contextlib.ExitStack() as stack:
            stack.push(record)
            stack.push(lambda *exc: True)
            raise ValueError
        self.assertEqual(seen, [None])

    def test_enter_context_type_error_message(self):
        class NotCM:
            pass
        with contextlib.ExitStack() as stack:
            with self.assertRaises(TypeError) as ctx:
                stack.enter_context(NotCM())
        self.assertEqual(str(ctx.exception),
                         f"'{__name__}.{NotCM.__qualname__}' object does not support "
                         "the context manager protocol")

    def test_enter_context_missing_exit_not_entered(self):
        entered = []

        class OnlyEnter:
            def __enter__(self):
                entered.append(1)
        with contextlib.ExitStack() as stack:
            with self.assertRaises(TypeError):
                stack.enter_context(OnlyEnter())
        self.assertEqual(entered, [])

    def test_exit_stack_returns_true_when_suppressed(self):
        stack = contextlib.ExitStack()
        stack.push(lambda *a: True)
        stack.__enter__()
        self.assertTrue(stack.__exit__(ValueError, ValueError(), None))
        stack2 = contextlib.ExitStack()
        self.assertFalse(stack2.__exit__(None, None, None))


class SmallContextManagerTests(unittest.TestCase):

    def test_suppress_variants(self):
        with contextlib.suppress(KeyError, IndexError):
            [][1]
        with contextlib.suppress():
            pass
        with self.assertRaises(ValueError):
            with contextlib.suppress():
                raise ValueError
        with contextlib.suppress(LookupError):
            {}['x']

    def test_suppress_exception_group(self):
        with contextlib.suppress(ValueError):
            raise ExceptionGroup('g', [ValueError(1), ValueError(2)])
        with self.assertRaises(ExceptionGroup) as ctx:
            with contextlib.suppress(ValueError):
                raise ExceptionGroup('g', [ValueError(1), TypeError(2)])
        rest = ctx.exception
        self.assertEqual(rest.message, 'g')
        self.assertEqual(len(rest.exceptions), 1)
        self.assertIsInstance(rest.exceptions[0], TypeError)

    def test_suppress_reusable(self):
        s = contextlib.suppress(KeyError)
        with s:
            raise KeyError
        with s:
            raise KeyError

    def test_redirect_stdout_nested_and_restored(self):
        orig = sys.stdout
        a, b = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(a) as got:
            self.assertIs(got, a)
            print('one')
            with contextlib.redirect_stdout(b):
                print('two')
            print('three')
        self.assertIs(sys.stdout, orig)
        self.assertEqual(a.getvalue(), 'one\nthree\n')
        self.assertEqual(b.getvalue(), 'two\n')

    def test_redirect_stdout_reentrant_object(self):
        buf = io.StringIO()
        r = contextlib.redirect_stdout(buf)
        with r:
            print('a')
            with r:
                print('b')
            print('c')
        self.assertEqual(buf.getvalue(), 'a\nb\nc\n')

    def test_redirect_stderr(self):
        buf = io.StringIO()
        orig = sys.stderr
        with contextlib.redirect_stderr(buf):
            sys.stderr.write('err')
        self.assertIs(sys.stderr, orig)
        self.assertEqual(buf.getvalue(), 'err')

    def test_closing_on_exception(self):
        log = []

        class Res:
            def close(self):
                log.append('closed')
        with self.assertRaises(ValueError):
            with contextlib.closing(Res()):
                raise ValueError
        self.assertEqual(log, ['closed'])

    def test_nullcontext(self):
        with contextlib.nullcontext() as v:
            self.assertIsNone(v)
        obj = object()
        with contextlib.nullcontext(obj) as v:
            self.assertIs(v, obj)
        with self.assertRaises(KeyError):
            with contextlib.nullcontext():
                raise KeyError

    def test_chdir_restores_after_error_and_nests(self):
        old = os.getcwd()
        with self.assertRaises(ZeroDivisionError):
            with contextlib.chdir('/'):
                1 / 0
        self.assertEqual(os.getcwd(), old)
        c = contextlib.chdir('/')
        with c:
            with contextlib.chdir('/tmp'):
                self.assertEqual(os.path.realpath(os.getcwd()),
                                 os.path.realpath('/tmp'))
            self.assertEqual(os.getcwd(), '/')
        self.assertEqual(os.getcwd(), old)

    def test_chdir_missing_dir(self):
        old = os.getcwd()
        with self.assertRaises(FileNotFoundError):
            with contextlib.chdir('/nonexistent/dir/for/braid'):
                pass
        self.assertEqual(os.getcwd(), old)

    def test_context_decorator_subclass(self):
        log = []

        class Tracker(contextlib.ContextDecorator):
            def __enter__(self):
                log.append('enter')
                return self

            def __exit__(self, *exc):
                log.append(('exit', exc[0]))
                return False

        @Tracker()
        def ok(x):
            return x + 1

        @Tracker()
        def bad():
            raise KeyError
        self.assertEqual(ok(1), 2)
        with self.assertRaises(KeyError):
            bad()
        self.assertEqual(log, ['enter', ('exit', None), 'enter', ('exit', KeyError)])
        self.assertEqual(ok.__name__, 'ok')


class AsyncExitStackDetailTests(unittest.TestCase):

    def test_push_async_exit_suppresses(self):
        seen = []

        async def aexit(*exc):
            seen.append(exc[0])
            return True

        async def main():
            async with contextlib.AsyncExitStack() as stack:
                self.assertIs(stack.push_async_exit(aexit), aexit)
                raise KeyError
            return 'after'
        self.assertEqual(_drive(main()), 'after')
        self.assertEqual(seen, [KeyError])

    def test_push_async_exit_with_manager_object(self):
        log = []

        class ACM:
            async def __aenter__(self):
                log.append('enter')

            async def __aexit__(self, *exc):
                log.append('exit')
                return False

        async def main():
            async with contextlib.AsyncExitStack() as stack:
                stack.push_async_exit(ACM())
        _drive(main())
        self.assertEqual(log, ['exit'])

    def test_pop_all_and_aclose(self):
        log = []

        async def cb(x):
            log.append(x)

        async def main():
            stack = contextlib.AsyncExitStack()
            stack.push_async_callback(cb, 1)
            moved = stack.pop_all()
            await stack.aclose()
            self.assertEqual(log, [])
            await moved.aclose()
        _drive(main())
        self.assertEqual(log, [1])

    def test_enter_async_context_message(self):
        async def main():
            async with contextlib.AsyncExitStack() as stack:
                await stack.enter_async_context(3)
        with self.assertRaises(TypeError) as cm:
            _drive(main())
        self.assertEqual(str(cm.exception), "'builtins.int' object does not support the "
                         "asynchronous context manager protocol")

    def test_async_generator_did_not_stop_after_athrow(self):
        @contextlib.asynccontextmanager
        async def acm():
            try:
                yield
            except KeyError:
                yield

        async def main():
            async with acm():
                raise KeyError
        with self.assertRaises(RuntimeError) as cm:
            _drive(main())
        self.assertEqual(str(cm.exception), "generator didn't stop after athrow()")

    def test_async_stop_iteration_from_body(self):
        @contextlib.asynccontextmanager
        async def acm():
            yield

        async def main(exc):
            # Caught inside the coroutine: StopIteration leaving it would become
            # RuntimeError (PEP 479).
            try:
                async with acm():
                    raise exc
            except BaseException as caught:
                return caught
        for exc in (StopIteration('s'), StopAsyncIteration('a')):
            with self.subTest(exc=type(exc).__name__):
                self.assertIs(_drive(main(exc)), exc)

    def test_aclosing_on_error(self):
        closed = []

        class Res:
            async def aclose(self):
                closed.append(True)

        async def main():
            async with contextlib.aclosing(Res()):
                raise KeyError
        with self.assertRaises(KeyError):
            _drive(main())
        self.assertEqual(closed, [True])


if __name__ == '__main__':
    unittest.main()
