"""Tests of the _thread module, queue.SimpleQueue, and a 16-thread stress test of locks,
queues and conditions.  No timing assertions."""

import _thread
import queue
import threading
import time
import unittest


class LockTests(unittest.TestCase):
    def test_basic(self):
        lock = _thread.allocate_lock()
        self.assertIsInstance(lock, _thread.LockType)
        self.assertFalse(lock.locked())
        self.assertTrue(lock.acquire())
        self.assertTrue(lock.locked())
        self.assertFalse(lock.acquire(False))
        self.assertFalse(lock.acquire(timeout=0.01))
        lock.release()
        self.assertFalse(lock.locked())
        with lock:
            self.assertTrue(lock.locked())
        self.assertFalse(lock.locked())

    def test_errors(self):
        lock = _thread.allocate_lock()
        with self.assertRaises(RuntimeError):
            lock.release()
        with self.assertRaises(ValueError):
            lock.acquire(False, 1)
        with self.assertRaises(ValueError):
            lock.acquire(timeout=-2)
        with self.assertRaises(OverflowError):
            lock.acquire(timeout=_thread.TIMEOUT_MAX * 2)

    def test_released_by_other_thread(self):
        lock = _thread.allocate_lock()
        lock.acquire()
        t = threading.Thread(target=lock.release)
        t.start()
        t.join()
        self.assertTrue(lock.acquire(timeout=10))
        lock.release()

    def test_rlock(self):
        rlock = _thread.RLock()
        self.assertTrue(rlock.acquire())
        self.assertTrue(rlock.acquire())
        self.assertTrue(rlock._is_owned())
        errors = []

        def other():
            try:
                rlock.release()
            except RuntimeError as exc:
                errors.append(exc)
            errors.append(rlock.acquire(blocking=False))
        t = threading.Thread(target=other)
        t.start()
        t.join()
        self.assertIsInstance(errors[0], RuntimeError)
        self.assertFalse(errors[1])
        rlock.release()
        rlock.release()
        self.assertFalse(rlock._is_owned())
        with self.assertRaises(RuntimeError):
            rlock.release()


class ThreadFunctionTests(unittest.TestCase):
    def test_start_new_thread_and_idents(self):
        done = _thread.allocate_lock()
        done.acquire()
        seen = []

        def body(a, b=None):
            seen.append((a, b, _thread.get_ident(), _thread.get_native_id()))
            done.release()
        ident = _thread.start_new_thread(body, (1,), {"b": 2})
        self.assertTrue(done.acquire(timeout=30))
        a, b, tid, native = seen[0]
        self.assertEqual((a, b), (1, 2))
        self.assertEqual(tid, ident)
        self.assertNotEqual(tid, _thread.get_ident())
        self.assertIsInstance(native, int)

    def test_start_new_thread_errors(self):
        with self.assertRaises(TypeError):
            _thread.start_new_thread(len, [1])
        with self.assertRaises(TypeError):
            _thread.start_new_thread(42, ())

    def test_stack_size_and_count(self):
        self.assertEqual(_thread.stack_size(), 0)
        with self.assertRaises(ValueError):
            _thread.stack_size(4096)
        self.assertEqual(_thread.stack_size(1 << 20), 0)
        try:
            self.assertEqual(_thread.stack_size(), 1 << 20)
            result = []
            t = threading.Thread(target=lambda: result.append(sum(range(100))))
            t.start()
            t.join()
            self.assertEqual(result, [4950])
        finally:
            _thread.stack_size(0)
        self.assertIsInstance(_thread._count(), int)
        self.assertGreater(_thread.TIMEOUT_MAX, 1000)

    def test_local(self):
        data = _thread._local()
        data.x = 1
        seen = []
        t = threading.Thread(target=lambda: seen.append(getattr(data, "x", None)))
        t.start()
        t.join()
        self.assertEqual(seen, [None])
        self.assertEqual(data.x, 1)

    def test_interrupt_main(self):
        with self.assertRaises(KeyboardInterrupt):
            _thread.interrupt_main()
            for _ in range(1000000):      # the interrupt arrives at the next check
                pass


class SimpleQueueTests(unittest.TestCase):
    def test_fifo_and_empty(self):
        q = queue.SimpleQueue()
        self.assertTrue(q.empty())
        for i in range(100):
            q.put(i)
        q.put_nowait("x")
        self.assertEqual(q.qsize(), 101)
        self.assertEqual([q.get() for _ in range(100)], list(range(100)))
        self.assertEqual(q.get_nowait(), "x")
        with self.assertRaises(queue.Empty):
            q.get_nowait()
        with self.assertRaises(queue.Empty):
            q.get(timeout=0.01)
        with self.assertRaises(ValueError):
            q.get(timeout=-1)

    def test_blocking_get_woken_by_put(self):
        q = queue.SimpleQueue()
        got = []
        t = threading.Thread(target=lambda: got.append(q.get()))
        t.start()
        q.put("item")
        t.join()
        self.assertEqual(got, ["item"])

    def test_many_producers_and_consumers(self):
        q = queue.SimpleQueue()
        out = []
        out_lock = threading.Lock()

        def consume():
            while True:
                item = q.get()
                if item is None:
                    return
                with out_lock:
                    out.append(item)

        consumers = [threading.Thread(target=consume) for _ in range(4)]
        for c in consumers:
            c.start()
        producers = [threading.Thread(target=lambda base=base: [q.put(base + i)
                                                                for i in range(2000)])
                     for base in range(0, 400000, 100000)]
        for p in producers:
            p.start()
        for p in producers:
            p.join()
        for _ in consumers:
            q.put(None)
        for c in consumers:
            c.join()
        self.assertEqual(sorted(out), sorted(b + i for b in range(0, 400000, 100000)
                                             for i in range(2000)))


class StressTests(unittest.TestCase):
    """16 threads × many operations on locks, queues and conditions: no deadlock, no lost
    item, exact counts."""

    THREADS = 16

    def test_locks_queues_conditions(self):
        counter = [0]
        lock = threading.Lock()
        rlock = threading.RLock()
        work = queue.Queue(maxsize=64)
        results = queue.Queue()
        cond = threading.Condition()
        tokens = []
        rounds = 300

        def worker(index):
            for i in range(rounds):
                with lock:
                    counter[0] += 1
                with rlock:
                    with rlock:
                        # Read only: a write here would race with the increments made under
                        # the other lock (lost updates are allowed without a GIL).
                        self.assertGreaterEqual(counter[0], 0)
                work.put((index, i))
                item = work.get()
                results.put(item)
                work.task_done()
                with cond:
                    tokens.append(index)
                    cond.notify_all()

        def watcher():
            with cond:
                cond.wait_for(lambda: len(tokens) == self.THREADS * rounds, timeout=120)

        w = threading.Thread(target=watcher)
        w.start()
        threads = [threading.Thread(target=worker, args=(k,)) for k in range(self.THREADS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        w.join()
        work.join()
        self.assertEqual(counter[0], self.THREADS * rounds)
        items = []
        while not results.empty():
            items.append(results.get())
        self.assertEqual(sorted(items), sorted((k, i) for k in range(self.THREADS)
                                               for i in range(rounds)))
        self.assertEqual(len(tokens), self.THREADS * rounds)


if __name__ == "__main__":
    unittest.main()
