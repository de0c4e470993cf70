"""sys attributes that other threads replace while the interpreter uses them (sys.stdout for
print(), sys.stdin for input(), sys.stderr and sys.unraisablehook for unraisable exceptions),
and the warnings filters that catch_warnings swaps while other threads warn.

The objects stored in sys here are referenced by sys alone, so replacing one frees it at once:
the interpreter must hold its own reference for as long as it uses one."""

import _warnings
import gc
import sys
import time
import unittest
import warnings

from test.test_free_threading import NTHREADS, run_concurrently, run_with_background

ROUNDS = 2000
WARN_ROUNDS = 500


class Stream:
    """A text stream that sys alone refers to.  A freed one has lost its slot: a call on it
    records the AttributeError in Stream.dead, since some callers (the unraisable exception
    writers) swallow what write() raises."""

    __slots__ = ('written',)
    dead = []

    def __init__(self):
        self.written = 0

    def write(self, text):
        try:
            self.written += len(text)
        except AttributeError as exc:
            Stream.dead.append(exc)
        return len(text)

    def flush(self):
        try:
            self.written
        except AttributeError as exc:
            Stream.dead.append(exc)

    def readline(self):
        try:
            self.written
        except AttributeError as exc:
            Stream.dead.append(exc)
        return 'braid line\n'


class SysAttributeTests(unittest.TestCase):

    def setUp(self):
        Stream.dead.clear()
        self.saved = (sys.stdin, sys.stdout, sys.stderr, sys.unraisablehook)

    def tearDown(self):
        sys.stdin, sys.stdout, sys.stderr, sys.unraisablehook = self.saved

    def replace_streams(self, names):
        """Store a fresh stream in sys.<name> for each name, and return a background task
        that keeps doing so."""
        def replace():
            for name in names:
                setattr(sys, name, Stream())

        def background(stop):
            while not stop.is_set():
                replace()
        replace()
        return background

    def test_print_while_stdout_is_replaced(self):
        def worker(index):
            for i in range(ROUNDS):
                print('braid', index, i)
                print(i, end='', flush=True)

        run_with_background(worker, self.replace_streams(['stdout']))
        self.assertEqual(Stream.dead, [])

    def test_input_while_streams_are_replaced(self):
        def worker(index):
            lines = [input('prompt> ') for _ in range(ROUNDS)]
            return lines.count('braid line')

        results = run_with_background(worker,
                                      self.replace_streams(['stdin', 'stdout', 'stderr']))
        self.assertEqual(results, [ROUNDS] * NTHREADS)
        self.assertEqual(Stream.dead, [])

    def raise_unraisable(self, count):
        class Failing:
            def __del__(self):
                raise ValueError('braid unraisable')

        for _ in range(count):
            Failing()

    def test_unraisable_while_hook_is_replaced(self):
        # Each hook is a closure that sys.unraisablehook alone refers to.
        calls = []

        def make_hook():
            seen = []

            def hook(args):
                seen.append(args.exc_type)
                calls.append(seen[-1])
            return hook

        def background(stop):
            while not stop.is_set():
                sys.unraisablehook = make_hook()

        sys.unraisablehook = make_hook()
        run_with_background(lambda index: self.raise_unraisable(ROUNDS), background)
        self.assertEqual(len(calls), NTHREADS * ROUNDS)
        self.assertEqual(set(calls), {ValueError})

    def test_default_unraisable_report_while_stderr_is_replaced(self):
        # None makes the interpreter's own writer report; sys.__unraisablehook__ is the
        # default hook.  Both write to sys.stderr, which the background task keeps replacing.
        for hook in (None, sys.__unraisablehook__):
            with self.subTest(hook=hook):
                sys.unraisablehook = hook
                run_with_background(lambda index: self.raise_unraisable(ROUNDS // 5),
                                    self.replace_streams(['stderr']))
                self.assertEqual(Stream.dead, [])


class YieldingPattern:
    """A filter's message pattern that lets other threads run while it is matched."""

    def match(self, text):
        time.sleep(0)
        return False


class WarningsTests(unittest.TestCase):

    def test_warn_while_catch_warnings_swaps_filters(self):
        # catch_warnings rebinds warnings.filters to a copy and back, and every warn() makes
        # the current list the C layer's own, dropping the previous one.  A warning thread
        # keeps using the list while its filters' patterns run Python code, and two threads
        # that adopt a list at once must not both release the old one.  The 'error' filter
        # never matches; reading a freed list would show up as another action.
        never = ('error', YieldingPattern(), Warning, None, 0)

        def worker(index):
            for i in range(WARN_ROUNDS):
                if index % 2:
                    with warnings.catch_warnings():
                        warnings.simplefilter('ignore')
                        warnings.filters.insert(0, never)
                else:
                    warnings.warn('braid %d' % (i % 7), DeprecationWarning)

        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            warnings.filters.insert(0, never)
            run_concurrently(worker)
            filters = warnings.filters
            self.assertIsInstance(filters, list)
            for item in filters:
                self.assertIsInstance(item, tuple)
                self.assertEqual(len(item), 5)
            # The C layer adopts warnings.filters at the next warning.
            warnings.warn('braid sync', DeprecationWarning)
            # Free-threaded build: fold the per-thread counts of a contended object, which
            # sys.getrefcount does not add up.
            gc.collect()
            # References: `filters`, getrefcount's argument, the warnings module, the C
            # layer's state, and _warnings.filters unless a racing catch_warnings left it
            # bound to another list.
            expected = 4 + (_warnings.filters is filters)
            self.assertEqual(sys.getrefcount(filters), expected)


if __name__ == '__main__':
    unittest.main()
