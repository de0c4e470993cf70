"""Tests of the atexit module; expected behaviour is CPython 3.13's.

Exit-time behaviour is checked in child interpreters (sys.executable) through subprocess."""

import atexit
import subprocess
import sys
import textwrap
import unittest


def run_child(code):
    """Run code in a fresh interpreter; return (returncode, stdout, stderr) as text."""
    proc = subprocess.run([sys.executable, '-c', textwrap.dedent(code)],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return (proc.returncode, proc.stdout.decode('utf-8', 'replace'),
            proc.stderr.decode('utf-8', 'replace'))


class InProcessTests(unittest.TestCase):
    """register/unregister/_run_exitfuncs/_clear on this interpreter's own list, which must
    be empty to start with: these tests clear it.  When other modules have registered
    callbacks (logging does, in a full test run), the class is skipped here and
    ChildProcessTests runs it in a fresh interpreter instead."""

    def setUp(self):
        if atexit._ncallbacks():
            self.skipTest('atexit callbacks of other modules are registered')
        self.calls = []
        self.addCleanup(atexit._clear)

    def record(self, *args, **kwargs):
        self.calls.append((args, kwargs))

    def test_module_api(self):
        for name in ('register', 'unregister', '_run_exitfuncs', '_clear', '_ncallbacks'):
            self.assertTrue(callable(getattr(atexit, name)), name)

    def test_register_returns_func(self):
        def f():
            pass
        self.assertIs(atexit.register(f), f)
        self.assertIs(atexit.register(f, 1, 2, k=3), f)
        self.assertEqual(atexit._ncallbacks(), 2)

    def test_register_as_decorator(self):
        @atexit.register
        def handler():
            self.calls.append('decorated')
        atexit._run_exitfuncs()
        self.assertEqual(self.calls, ['decorated'])

    def test_register_errors(self):
        with self.assertRaises(TypeError) as cm:
            atexit.register(5)
        self.assertEqual(str(cm.exception), 'the first argument must be callable')
        with self.assertRaises(TypeError):
            atexit.register()
        with self.assertRaises(TypeError):
            atexit.unregister()
        self.assertEqual(atexit._ncallbacks(), 0)

    def test_run_order_and_arguments(self):
        atexit.register(self.record, 1)
        atexit.register(self.record, 2, key='v')
        atexit.register(self.record)
        atexit._run_exitfuncs()
        self.assertEqual(self.calls, [((), {}), ((2,), {'key': 'v'}), ((1,), {})])
        # running empties the list
        self.assertEqual(atexit._ncallbacks(), 0)
        atexit._run_exitfuncs()
        self.assertEqual(len(self.calls), 3)

    def test_same_function_twice(self):
        atexit.register(self.record, 'a')
        atexit.register(self.record, 'a')
        atexit._run_exitfuncs()
        self.assertEqual(len(self.calls), 2)

    def test_unregister(self):
        def f():
            self.calls.append('f')
        def g():
            self.calls.append('g')
        atexit.register(f)
        atexit.register(g)
        atexit.register(f)
        atexit.unregister(f)            # removes every registration of f
        atexit.unregister(print)        # never registered: no error
        atexit._run_exitfuncs()
        self.assertEqual(self.calls, ['g'])

    def test_unregister_uses_equality(self):
        class Same:
            def __init__(self, tag):
                self.tag = tag
            def __eq__(self, other):
                return isinstance(other, Same)
            __hash__ = object.__hash__
            def __call__(inner):
                self.calls.append(inner.tag)
        atexit.register(Same('x'))
        atexit.unregister(Same('y'))
        atexit._run_exitfuncs()
        self.assertEqual(self.calls, [])

    def test_unregister_comparison_error(self):
        class Bad:
            def __eq__(self, other):
                raise ZeroDivisionError
            __hash__ = object.__hash__
            def __call__(self):
                pass
        atexit.register(Bad())
        with self.assertRaises(ZeroDivisionError):
            atexit.unregister(print)

    def test_clear_and_count(self):
        self.assertEqual(atexit._ncallbacks(), 0)
        atexit.register(self.record)
        atexit.register(self.record)
        self.assertEqual(atexit._ncallbacks(), 2)
        atexit._clear()
        self.assertEqual(atexit._ncallbacks(), 0)
        atexit._run_exitfuncs()
        self.assertEqual(self.calls, [])

    def test_exception_in_callback_is_not_raised(self):
        seen = []
        def hook(unraisable):
            seen.append((unraisable.exc_type, str(unraisable.exc_value),
                         unraisable.err_msg, unraisable.object))
        def bad():
            raise KeyError('boom')
        old_hook = sys.unraisablehook
        sys.unraisablehook = hook
        try:
            atexit.register(self.record, 'before')
            atexit.register(bad)
            atexit.register(self.record, 'after')
            atexit._run_exitfuncs()          # does not raise
        finally:
            sys.unraisablehook = old_hook
        self.assertEqual(self.calls, [(('after',), {}), (('before',), {})])
        self.assertEqual(len(seen), 1)
        exc_type, text, err_msg, obj = seen[0]
        self.assertIs(exc_type, KeyError)
        self.assertEqual(text, "'boom'")
        self.assertEqual(err_msg, 'Exception ignored in atexit callback %r' % (bad,))
        self.assertIsNone(obj)


class ChildProcessTests(unittest.TestCase):

    def test_in_process_tests_in_fresh_interpreter(self):
        proc = subprocess.run([sys.executable, __file__, 'InProcessTests'],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        report = proc.stderr.decode('utf-8', 'replace')
        self.assertEqual(proc.returncode, 0, report)
        self.assertIn('OK', report)
        self.assertNotIn('skipped', report)


class ExitTests(unittest.TestCase):

    def test_runs_at_exit_in_reverse_order(self):
        rc, out, err = run_child('''
            import atexit
            atexit.register(print, 'first registered')
            atexit.register(print, 'second', 'registered', sep='-')
            @atexit.register
            def last():
                print('last registered')
            print('main done')
        ''')
        self.assertEqual(rc, 0)
        self.assertEqual(out.splitlines(), ['main done', 'last registered',
                                            'second-registered', 'first registered'])
        self.assertEqual(err, '')

    def test_runs_after_sys_exit_and_uncaught_exception(self):
        rc, out, err = run_child('''
            import atexit, sys
            atexit.register(print, 'cleanup')
            sys.exit(3)
        ''')
        self.assertEqual((rc, out), (3, 'cleanup\n'))
        rc, out, err = run_child('''
            import atexit
            atexit.register(print, 'cleanup')
            raise ValueError('main failed')
        ''')
        self.assertEqual((rc, out), (1, 'cleanup\n'))
        self.assertIn('ValueError: main failed', err)

    def test_not_run_after_os_exit(self):
        rc, out, err = run_child('''
            import atexit, os
            atexit.register(print, 'should not appear')
            os._exit(4)
        ''')
        self.assertEqual((rc, out, err), (4, '', ''))

    def test_unregistered_not_run(self):
        rc, out, err = run_child('''
            import atexit
            def f():
                print('f')
            atexit.register(f)
            atexit.register(print, 'kept')
            atexit.unregister(f)
        ''')
        self.assertEqual((rc, out, err), (0, 'kept\n', ''))

    def test_exception_printed_and_others_still_run(self):
        rc, out, err = run_child('''
            import atexit, sys
            def broken():
                raise ValueError('callback failed')
            atexit.register(print, 'runs last')
            atexit.register(broken)
            atexit.register(print, 'runs first')
            sys.stdout.flush()
        ''')
        # the exit status is not changed by the failing callback
        self.assertEqual(rc, 0)
        self.assertEqual(out, 'runs first\nruns last\n')
        self.assertIn('Exception ignored in atexit callback <function broken at 0x', err)
        self.assertIn('Traceback (most recent call last):', err)
        self.assertIn('in broken', err)
        self.assertTrue(err.rstrip().endswith('ValueError: callback failed'), err)

    def test_exception_message_has_colon(self):
        rc, out, err = run_child('''
            import atexit
            def broken():
                raise ValueError('x')
            atexit.register(broken)
        ''')
        first = err.splitlines()[0]
        self.assertTrue(first.startswith('Exception ignored in atexit callback <function'))
        self.assertTrue(first.endswith('>:'), first)

    def test_system_exit_in_callback_is_reported(self):
        # CPython reports a SystemExit raised by a callback like any other exception and
        # keeps the exit status.
        rc, out, err = run_child('''
            import atexit, sys
            atexit.register(print, 'still runs')
            atexit.register(sys.exit, 5)
        ''')
        self.assertEqual((rc, out), (0, 'still runs\n'))
        self.assertIn('Exception ignored in atexit callback', err)
        self.assertIn('SystemExit: 5', err)

    def test_system_exit_in_callback_keeps_status(self):
        rc, out, err = run_child('''
            import atexit, sys
            atexit.register(print, 'still runs')
            atexit.register(sys.exit, 5)
            sys.exit(2)
        ''')
        self.assertEqual((rc, out), (2, 'still runs\n'))

    def test_unregistered_during_exit_not_run(self):
        rc, out, err = run_child('''
            import atexit
            def first():
                print('first')
            def second():
                print('second')
                atexit.unregister(first)
            atexit.register(first)
            atexit.register(second)
        ''')
        self.assertEqual((rc, out, err), (0, 'second\n', ''))

    def test_registered_during_exit_not_run(self):
        # Only the callbacks registered before the exit started run.
        rc, out, err = run_child('''
            import atexit
            def late():
                print('late')
            def registers():
                print('registers')
                atexit.register(late)
            atexit.register(registers)
        ''')
        self.assertEqual((rc, out), (0, 'registers\n'))

    def test_output_to_stderr_from_callback(self):
        rc, out, err = run_child('''
            import atexit, sys
            atexit.register(print, 'to stderr', file=sys.stderr)
        ''')
        self.assertEqual((rc, out, err), (0, '', 'to stderr\n'))

    def test_run_exitfuncs_then_exit_runs_nothing_twice(self):
        rc, out, err = run_child('''
            import atexit
            atexit.register(print, 'once')
            atexit._run_exitfuncs()
            print('between')
        ''')
        self.assertEqual((rc, out, err), (0, 'once\nbetween\n', ''))

    def test_clear_prevents_exit_calls(self):
        rc, out, err = run_child('''
            import atexit
            atexit.register(print, 'cleared')
            atexit._clear()
        ''')
        self.assertEqual((rc, out, err), (0, '', ''))


if __name__ == '__main__':
    unittest.main()
