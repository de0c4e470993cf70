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


if __name__ == '__main__':
    unittest.main()
