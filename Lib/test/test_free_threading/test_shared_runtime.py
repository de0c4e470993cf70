"""Interpreter-wide state used by many threads at once: the import system, string interning,
shared functions and closures, __slots__ members, queue.Queue, per-thread exception state and
locks of the threading module."""

import queue
import struct
import sys
import threading
import unittest

from test.test_free_threading import (NTHREADS, TemporaryModules, mutate_while_reading,
                                     run_concurrently, run_with_background)

N = 1000


def shared_function(x, y=1):
    return x * 2 + y


def make_adder(n):
    def add(x):
        return x + n
    return add


class Slotted:
    __slots__ = ('a', 'b')

    def __init__(self):
        self.a = 0
        self.b = 0


class ImportTests(TemporaryModules, unittest.TestCase):

    def test_concurrent_first_import_runs_module_once(self):
        # The module body records each execution in a list stored in sys; the import lock
        # makes every thread wait for the one that executes it and see the same module.
        self.write_module('braid_ft_once', (
            'import sys, time\n'
            'sys.braid_ft_runs = getattr(sys, "braid_ft_runs", 0) + 1\n'
            'time.sleep(0.01)\n'
            'VALUE = [1, 2, 3]\n'))

        def worker(index):
            import braid_ft_once
            return braid_ft_once

        try:
            modules = run_concurrently(worker)
            self.assertEqual(sys.braid_ft_runs, 1)
            self.assertTrue(all(m is modules[0] for m in modules))
            self.assertEqual(modules[0].VALUE, [1, 2, 3])
        finally:
            if hasattr(sys, 'braid_ft_runs'):
                del sys.braid_ft_runs

    def test_concurrent_imports_of_different_modules(self):
        for t in range(NTHREADS):
            # The pause widens the window in which the module is registered but not run.
            self.write_module('braid_ft_mod%d' % t, 'import time\ntime.sleep(0.01)\nID = %d\n' % t)

        def worker(index):
            results = []
            for k in range(NTHREADS):
                name = 'braid_ft_mod%d' % ((index + k) % NTHREADS)
                module = __import__(name)
                results.append(module.ID)
            return sorted(results)

        self.assertEqual(run_concurrently(worker), [list(range(NTHREADS))] * NTHREADS)


class SharedCodeTests(unittest.TestCase):

    def test_same_function_from_all_threads(self):
        def worker(index):
            total = 0
            for i in range(N * 5):
                total += shared_function(i, index)
            return total

        expected = [sum(i * 2 + t for i in range(N * 5)) for t in range(NTHREADS)]
        self.assertEqual(run_concurrently(worker), expected)

    def test_shared_closures_and_lambdas(self):
        adders = [make_adder(k) for k in range(10)]
        square = lambda x: x * x

        def worker(index):
            total = 0
            for i in range(N):
                total += adders[i % 10](i) + square(index)
            return total

        expected = [sum(i + i % 10 for i in range(N)) + N * t * t for t in range(NTHREADS)]
        self.assertEqual(run_concurrently(worker), expected)

    def test_exceptions_are_per_thread(self):
        def worker(index):
            caught = 0
            for i in range(N):
                try:
                    raise KeyError((index, i))
                except KeyError as exc:
                    self.assertEqual(exc.args[0], (index, i))
                    self.assertIs(sys.exception(), exc)
                    caught += 1
                self.assertIsNone(sys.exception())
            return caught

        self.assertEqual(run_concurrently(worker), [N] * NTHREADS)

    def test_recursion_is_per_thread(self):
        def depth(n):
            return 0 if n == 0 else 1 + depth(n - 1)

        def worker(index):
            return [depth(50 + index) for _ in range(N // 20)][-1]

        self.assertEqual(run_concurrently(worker), [50 + t for t in range(NTHREADS)])


    def test_function_attributes_replaced_while_called(self):
        # __defaults__, __kwdefaults__, __code__, __dict__, __annotations__ and __qualname__
        # reassigned while other threads call the function and read them: a call binds its
        # arguments from one consistent set of defaults and code, and nothing is freed under it.
        def f(a, b=1, *, c=2):
            return a + b + c

        def g(a, b=10, *, c=20):
            return a + b + c

        codes = (f.__code__, g.__code__)

        def read():
            return (f(0) >= 0 and f(0, 1) >= 1 and f(0, c=0) >= 0 and
                    type(f.__defaults__) is tuple and type(f.__kwdefaults__) is dict and
                    f.__annotations__.get('r', 0) >= 0 and 'f' in repr(f) + f.__qualname__)

        def mutate(r):
            f.__defaults__ = (r,)
            f.__kwdefaults__ = {'c': r}
            f.__code__ = codes[r % 2]
            f.__dict__ = {'r': [r]}
            f.__annotations__ = {'r': r}
            f.__qualname__ = 'f%d' % r

        mutate_while_reading(self, mutate, read, rounds=5000)

    def test_kwdefaults_replaced_while_calls_wait_for_them(self):
        # Each __kwdefaults__ is a new dict, so the callers' first lookups in it take its lock
        # and may wait for one another; a waiting thread is quiescent, so the caller must
        # hold the dict itself, not a borrowed pointer (the replaced dict is freed once every
        # thread has been quiescent).  Error messages read __qualname__ while it is replaced.
        def f(a, *, c):
            return a + c

        def read():
            try:
                if f(1) < 1:
                    return False
            except TypeError as exc:
                # Only between a __kwdefaults__ without 'c' and the next one.
                return 'missing 1 required keyword-only argument' in str(exc)
            return True

        def mutate(r):
            f.__kwdefaults__ = {'c': r} if r % 3 else {}
            f.__qualname__ = 'f%d' % r

        mutate_while_reading(self, mutate, read, rounds=5000, nreaders=6)

    def test_other_threads_frames_walked_while_they_run(self):
        # sys._current_frames() and the frames' f_back chains, line numbers, code, globals
        # and locals, read while the threads they belong to call, return and finish.
        def recurse(n):
            if n == 0:
                return sum(range(10))
            local = [n]
            return recurse(n - 1) + len(local)

        def worker(index):
            for i in range(300):
                self.assertEqual(recurse(5 + i % 10), 45 + 5 + i % 10)

        def walk(stop):
            me = threading.get_ident()
            while not stop.is_set():
                for ident, frame in sys._current_frames().items():
                    depth = 0
                    while frame is not None and depth < 100:
                        self.assertIsInstance(frame.f_lineno, (int, type(None)))
                        self.assertIsInstance(frame.f_code.co_name, str)
                        self.assertIsInstance(frame.f_globals, dict)
                        if ident != me:
                            self.assertIsNotNone(frame.f_locals)
                        repr(frame)
                        frame = frame.f_back
                        depth += 1

        run_with_background(worker, walk, nthreads=4)


class ReinitialisedObjectTests(unittest.TestCase):
    """Objects whose state changes only through __init__ or release(), changed while other
    threads use them: the users never see freed memory."""

    def test_memoryview_released_while_read(self):
        # A reader pins the view: release() then refuses with BufferError (as with any
        # exported buffer); a reader that comes after the release gets ValueError.
        views = [memoryview(bytearray(range(100)))]

        def read():
            view = views[0]
            try:
                return (view[3] == 3 and bytes(view[:4]) == bytes(range(4)) and
                        view.tolist()[99] == 99 and view.hex()[:2] == '00' and
                        len(view) == 100 and bytes(view) == bytes(range(100)))
            except ValueError:
                return True

        def mutate(r):
            old = views[0]
            views[0] = memoryview(bytearray(range(100)))
            try:
                old.release()
            except BufferError:
                pass

        mutate_while_reading(self, mutate, read, rounds=5000)

    def test_struct_reinitialised_while_used(self):
        # Struct.__init__ run again while other threads pack and unpack: it refuses
        # (RuntimeError) while they use the Struct; each use sees one whole format.
        packer = struct.Struct('i')

        def read():
            try:
                data = packer.pack(*[7] * (packer.size // 4))
                zeros = packer.unpack(b'\0' * packer.size)
            except struct.error:
                return True     # the format changed between two calls
            return len(data) in (4, 8) and set(zeros) == {0}

        def mutate(r):
            try:
                packer.__init__('ii' if r % 2 else 'i')
            except RuntimeError:
                pass

        mutate_while_reading(self, mutate, read, rounds=5000)

    def test_property_and_classmethod_reinitialised_while_used(self):
        class Holder:
            prop = property(lambda self: 1)

            @classmethod
            def cm(cls):
                return 1

            @staticmethod
            def sm():
                return 1

        holder = Holder()
        prop, cm, sm = (Holder.__dict__[name] for name in ('prop', 'cm', 'sm'))

        def read():
            return holder.prop >= 0 and Holder.cm() >= 0 and Holder.sm() >= 0

        def mutate(r):
            prop.__init__(lambda self, r=r: r)
            cm.__init__(lambda cls, r=r: r)
            sm.__init__(lambda r=r: r)

        mutate_while_reading(self, mutate, read, rounds=5000)


class InternTests(unittest.TestCase):

    def test_intern_gives_one_object(self):
        # Strings built at run time, equal in every thread: interning maps them all to one
        # object, whichever thread interned first.
        def worker(index):
            return [sys.intern(''.join(['braid', '_ft_', str(i)])) for i in range(N)]

        results = run_concurrently(worker)
        for i in range(N):
            first = results[0][i]
            self.assertTrue(all(r[i] is first for r in results))

    def test_attribute_names_built_at_run_time(self):
        class Bag:
            pass
        bag = Bag()

        def worker(index):
            for i in range(N // 2):
                name = 'attr_' + str(i % 50)
                setattr(bag, name, i)
                self.assertIsInstance(getattr(bag, name), int)

        run_concurrently(worker)
        self.assertEqual(len(vars(bag)), 50)


class SlotsTests(unittest.TestCase):

    def test_slot_members_read_and_written(self):
        obj = Slotted()

        def worker(index):
            for i in range(N):
                obj.a = index
                obj.b = (index, i)
                self.assertIn(obj.a, range(NTHREADS))
                b = obj.b
                self.assertIsInstance(b, tuple)
                self.assertEqual(len(b), 2)

        run_concurrently(worker)
        self.assertIn(obj.a, range(NTHREADS))

    def test_slot_counter_with_lock(self):
        obj = Slotted()
        lock = threading.Lock()

        def worker(index):
            for i in range(N):
                with lock:
                    obj.a += 1

        run_concurrently(worker)
        self.assertEqual(obj.a, NTHREADS * N)


class QueueAndLockTests(unittest.TestCase):

    def test_queue_producers_and_consumers(self):
        q = queue.Queue()
        producers = NTHREADS // 2

        def worker(index):
            if index < producers:
                for i in range(N):
                    q.put((index, i))
                q.put(None)
                return []
            got = []
            while True:
                item = q.get()
                if item is None:
                    return got
                got.append(item)

        results = run_concurrently(worker)
        everything = sorted(x for r in results for x in r)
        self.assertEqual(everything, [(t, i) for t in range(producers) for i in range(N)])

    def test_rlock_reentry_under_contention(self):
        rlock = threading.RLock()
        counter = [0]

        def bump(depth):
            with rlock:
                counter[0] += 1
                if depth:
                    bump(depth - 1)

        def worker(index):
            for i in range(N // 4):
                bump(3)

        run_concurrently(worker)
        self.assertEqual(counter[0], NTHREADS * (N // 4) * 4)

    def test_condition_hand_off(self):
        cond = threading.Condition()
        items = []
        consumed = []

        def worker(index):
            if index % 2 == 0:
                for i in range(N // 4):
                    with cond:
                        items.append((index, i))
                        cond.notify()
            else:
                for i in range(N // 4):
                    with cond:
                        while not items:
                            cond.wait()
                        consumed.append(items.pop())

        run_concurrently(worker)
        self.assertEqual(len(consumed), (NTHREADS // 2) * (N // 4))
        self.assertEqual(len(set(consumed)), len(consumed))
        self.assertEqual(items, [])

    def test_event_and_semaphore(self):
        sem = threading.BoundedSemaphore(3)
        inside = [0]
        most = [0]
        guard = threading.Lock()
        go = threading.Event()

        def worker(index):
            go.wait()
            for i in range(N // 10):
                with sem:
                    with guard:
                        inside[0] += 1
                        most[0] = max(most[0], inside[0])
                    with guard:
                        inside[0] -= 1

        starter = threading.Timer(0.01, go.set)
        starter.start()
        run_concurrently(worker)
        starter.join()
        self.assertEqual(inside[0], 0)
        self.assertLessEqual(most[0], 3)
        self.assertGreaterEqual(most[0], 1)


if __name__ == '__main__':
    unittest.main()
