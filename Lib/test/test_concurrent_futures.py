"""Tests of concurrent.futures: Future states and callbacks, ThreadPoolExecutor (submit,
map with timeout, shutdown with cancel_futures, context manager, initializer), wait() in its
three modes and as_completed()."""

import threading
import time
import unittest
from concurrent import futures
from concurrent.futures import ThreadPoolExecutor


def square(x):
    return x * x


class FutureTests(unittest.TestCase):

    def test_states(self):
        f = futures.Future()
        self.assertFalse(f.done())
        self.assertFalse(f.running())
        self.assertTrue(f.set_running_or_notify_cancel())
        self.assertTrue(f.running())
        self.assertFalse(f.cancel())
        f.set_result(5)
        self.assertTrue(f.done())
        self.assertEqual(f.result(), 5)
        self.assertIsNone(f.exception())
        with self.assertRaises(futures.InvalidStateError):
            f.set_result(6)

    def test_exception_and_cancel(self):
        f = futures.Future()
        f.set_exception(ValueError('bad'))
        with self.assertRaises(ValueError):
            f.result()
        self.assertIsInstance(f.exception(), ValueError)
        g = futures.Future()
        self.assertTrue(g.cancel())
        self.assertTrue(g.cancelled())
        with self.assertRaises(futures.CancelledError):
            g.result()
        self.assertFalse(g.set_running_or_notify_cancel())

    def test_result_timeout(self):
        f = futures.Future()
        with self.assertRaises(TimeoutError):
            f.result(timeout=0.01)
        self.assertIs(futures.TimeoutError, TimeoutError)

    def test_callbacks(self):
        seen = []
        f = futures.Future()
        f.add_done_callback(lambda fut: seen.append(('first', fut.result())))
        f.set_result(1)
        f.add_done_callback(lambda fut: seen.append(('late', fut.result())))
        self.assertEqual(seen, [('first', 1), ('late', 1)])

    def test_repr(self):
        f = futures.Future()
        self.assertIn('state=pending', repr(f))
        f.set_result([])
        self.assertIn('state=finished returned list', repr(f))


class ThreadPoolTests(unittest.TestCase):

    def test_submit_and_map(self):
        with ThreadPoolExecutor(max_workers=4) as pool:
            fs = [pool.submit(square, i) for i in range(10)]
            self.assertEqual([f.result() for f in fs], [i * i for i in range(10)])
            self.assertEqual(list(pool.map(square, range(10))), [i * i for i in range(10)])
            self.assertEqual(list(pool.map(pow, [2, 3], [5, 2])), [32, 9])

    def test_exception_propagates(self):
        with ThreadPoolExecutor(max_workers=2) as pool:
            f = pool.submit(lambda: 1 / 0)
            with self.assertRaises(ZeroDivisionError):
                f.result()
            with self.assertRaises(ZeroDivisionError):
                list(pool.map(lambda x: 1 / x, [1, 0]))

    def test_runs_in_worker_threads(self):
        with ThreadPoolExecutor(max_workers=2, thread_name_prefix='pool') as pool:
            name = pool.submit(lambda: threading.current_thread().name).result()
        self.assertTrue(name.startswith('pool_'), name)

    def test_default_max_workers(self):
        import os
        pool = ThreadPoolExecutor()
        self.assertEqual(pool._max_workers, min(32, (os.cpu_count() or 1) + 4))
        pool.shutdown()
        with self.assertRaises(ValueError):
            ThreadPoolExecutor(max_workers=0)

    def test_shutdown_rejects_new_work(self):
        pool = ThreadPoolExecutor(max_workers=1)
        pool.shutdown()
        with self.assertRaises(RuntimeError):
            pool.submit(square, 2)

    def test_shutdown_cancel_futures(self):
        gate = threading.Event()
        started = threading.Event()

        def blocker():
            started.set()
            return gate.wait()

        pool = ThreadPoolExecutor(max_workers=1)
        first = pool.submit(blocker)
        # The worker must be running `first` before the shutdown, or it is cancelled too.
        started.wait()
        rest = [pool.submit(square, i) for i in range(5)]
        pool.shutdown(wait=False, cancel_futures=True)
        gate.set()
        pool.shutdown(wait=True)
        self.assertTrue(first.result())
        self.assertTrue(all(f.cancelled() for f in rest))

    def test_map_timeout(self):
        gate = threading.Event()
        with ThreadPoolExecutor(max_workers=1) as pool:
            results = pool.map(lambda x: gate.wait(), [1], timeout=0.01)
            with self.assertRaises(TimeoutError):
                next(results)
            gate.set()

    def test_initializer(self):
        local = threading.local()

        def init(value):
            local.value = value
        with ThreadPoolExecutor(max_workers=2, initializer=init, initargs=(7,)) as pool:
            self.assertEqual(pool.submit(lambda: local.value).result(), 7)

    def test_io_bound_work_overlaps(self):
        # Sleeping tasks release the GIL: several can be asleep at once (counted, not
        # timed).
        lock = threading.Lock()
        state = {'asleep': 0, 'peak': 0}
        barrier = threading.Barrier(3)

        def nap(_):
            barrier.wait()
            with lock:
                state['asleep'] += 1
                state['peak'] = max(state['peak'], state['asleep'])
            time.sleep(0.02)
            with lock:
                state['asleep'] -= 1
        with ThreadPoolExecutor(max_workers=3) as pool:
            list(pool.map(nap, range(3)))
        self.assertGreaterEqual(state['peak'], 2)


class WaitTests(unittest.TestCase):

    def test_wait_modes(self):
        gate = threading.Event()
        with ThreadPoolExecutor(max_workers=3) as pool:
            fast = pool.submit(square, 3)
            failing = pool.submit(lambda: 1 / 0)
            slow = pool.submit(gate.wait)
            done, not_done = futures.wait([fast, slow], return_when=futures.FIRST_COMPLETED)
            self.assertIn(fast, done)
            done, not_done = futures.wait([failing, slow],
                                          return_when=futures.FIRST_EXCEPTION)
            self.assertIn(failing, done)
            self.assertIn(slow, not_done)
            done, not_done = futures.wait([slow], timeout=0.01)
            self.assertEqual(done, set())
            gate.set()
            done, not_done = futures.wait([fast, failing, slow])
            self.assertEqual(done, {fast, failing, slow})
            self.assertEqual(not_done, set())

    def test_as_completed(self):
        with ThreadPoolExecutor(max_workers=4) as pool:
            fs = {pool.submit(square, i): i for i in range(8)}
            results = sorted(f.result() for f in futures.as_completed(fs))
        self.assertEqual(results, [i * i for i in range(8)])

    def test_as_completed_timeout(self):
        gate = threading.Event()
        with ThreadPoolExecutor(max_workers=1) as pool:
            f = pool.submit(gate.wait)
            with self.assertRaises(TimeoutError):
                for _ in futures.as_completed([f], timeout=0.01):
                    pass
            gate.set()


if __name__ == '__main__':
    unittest.main()
