"""Tests of queue: FIFO/LIFO/priority order, blocking with timeouts, task_done/join,
shutdown (3.13) and SimpleQueue, with producer and consumer threads."""

import collections
import queue
import threading
import unittest


class QueueTests(unittest.TestCase):

    def test_orders(self):
        for cls, expected in ((queue.Queue, [3, 1, 2]), (queue.LifoQueue, [2, 1, 3]),
                              (queue.PriorityQueue, [1, 2, 3])):
            q = cls()
            for item in (3, 1, 2):
                q.put(item)
            self.assertEqual(q.qsize(), 3)
            self.assertEqual([q.get() for _ in range(3)], expected, cls.__name__)
            self.assertTrue(q.empty())

    def test_full_and_empty(self):
        q = queue.Queue(maxsize=2)
        q.put(1)
        q.put_nowait(2)
        self.assertTrue(q.full())
        with self.assertRaises(queue.Full):
            q.put_nowait(3)
        with self.assertRaises(queue.Full):
            q.put(3, timeout=0.01)
        self.assertEqual(q.get(), 1)
        self.assertEqual(q.get_nowait(), 2)
        with self.assertRaises(queue.Empty):
            q.get_nowait()
        with self.assertRaises(queue.Empty):
            q.get(timeout=0.01)
        with self.assertRaises(ValueError):
            q.get(timeout=-1)

    def test_producer_consumer_join(self):
        q = queue.Queue()
        results = []
        lock = threading.Lock()

        def consumer():
            while True:
                item = q.get()
                if item is None:
                    q.task_done()
                    return
                with lock:
                    results.append(item * 2)
                q.task_done()
        workers = [threading.Thread(target=consumer) for _ in range(3)]
        for w in workers:
            w.start()
        for i in range(100):
            q.put(i)
        q.join()
        self.assertEqual(sorted(results), [i * 2 for i in range(100)])
        for _ in workers:
            q.put(None)
        for w in workers:
            w.join()
        with self.assertRaises(ValueError):
            q.task_done()

    def test_blocking_put_released_by_get(self):
        q = queue.Queue(maxsize=1)
        q.put('first')
        done = threading.Event()

        def producer():
            q.put('second')
            done.set()
        t = threading.Thread(target=producer)
        t.start()
        self.assertEqual(q.get(), 'first')
        self.assertEqual(q.get(), 'second')
        t.join()
        self.assertTrue(done.is_set())

    def test_shutdown(self):
        q = queue.Queue()
        q.put(1)
        q.shutdown()
        with self.assertRaises(queue.ShutDown):
            q.put(2)
        self.assertEqual(q.get(), 1)
        with self.assertRaises(queue.ShutDown):
            q.get()
        q2 = queue.Queue()
        q2.put('x')
        q2.shutdown(immediate=True)
        with self.assertRaises(queue.ShutDown):
            q2.get()
        q2.join()

    def test_shutdown_wakes_blocked_getter(self):
        q = queue.Queue()
        errors = []
        started = threading.Event()

        def getter():
            started.set()
            try:
                q.get()
            except queue.ShutDown:
                errors.append('shutdown')
        t = threading.Thread(target=getter)
        t.start()
        started.wait()
        q.shutdown()
        t.join()
        self.assertEqual(errors, ['shutdown'])

    def test_simple_queue(self):
        q = queue.SimpleQueue()
        self.assertTrue(q.empty())
        q.put(1)
        q.put_nowait(2)
        self.assertEqual(q.qsize(), 2)
        self.assertEqual((q.get(), q.get_nowait()), (1, 2))
        with self.assertRaises(queue.Empty):
            q.get(timeout=0.01)

    def test_generic_alias(self):
        self.assertEqual(queue.Queue[int].__origin__, queue.Queue)


class QueueSemanticsTests(unittest.TestCase):

    def test_fifo_lifo_priority_orders(self):
        items = [5, 1, 4, 2, 3]
        for cls, expected in ((queue.Queue, items), (queue.LifoQueue, items[::-1]),
                              (queue.PriorityQueue, sorted(items)),
                              (queue.SimpleQueue, items)):
            with self.subTest(cls=cls.__name__):
                q = cls()
                for item in items:
                    q.put(item)
                self.assertEqual(q.qsize(), len(items))
                self.assertEqual([q.get() for _ in items], expected)
                self.assertTrue(q.empty())

    def test_priority_queue_tuples_and_stability_key(self):
        q = queue.PriorityQueue()
        q.put((2, 'b'))
        q.put((1, 'z'))
        q.put((1, 'a'))
        self.assertEqual([q.get_nowait() for _ in range(3)], [(1, 'a'), (1, 'z'), (2, 'b')])
        q.put(1)
        with self.assertRaises(TypeError):
            q.put('x')

    def test_maxsize_full_and_put_nowait(self):
        q = queue.Queue(maxsize=2)
        self.assertEqual(q.maxsize, 2)
        q.put_nowait(1)
        self.assertFalse(q.full())
        q.put_nowait(2)
        self.assertTrue(q.full())
        with self.assertRaises(queue.Full):
            q.put_nowait(3)
        with self.assertRaises(queue.Full):
            q.put(3, block=False)
        with self.assertRaises(queue.Full):
            q.put(3, timeout=0.001)
        self.assertEqual(q.get(), 1)
        q.put(3, timeout=0.001)
        self.assertEqual([q.get(), q.get()], [2, 3])

    def test_unbounded_is_never_full(self):
        for size in (0, -1):
            q = queue.Queue(size)
            for i in range(100):
                q.put_nowait(i)
            self.assertFalse(q.full())

    def test_empty_timeouts(self):
        q = queue.Queue()
        with self.assertRaises(queue.Empty):
            q.get_nowait()
        with self.assertRaises(queue.Empty):
            q.get(False)
        with self.assertRaises(queue.Empty):
            q.get(timeout=0.001)
        with self.assertRaises(queue.Empty):
            q.get(block=True, timeout=0)
        sq = queue.SimpleQueue()
        with self.assertRaises(queue.Empty):
            sq.get(timeout=0.001)
        with self.assertRaises(queue.Empty):
            sq.get_nowait()

    def test_negative_timeout(self):
        q = queue.Queue()
        with self.assertRaises(ValueError) as cm:
            q.get(timeout=-1)
        self.assertEqual(str(cm.exception), "'timeout' must be a non-negative number")
        # put() only checks the timeout of a bounded queue.
        q.put(1, timeout=-1)
        self.assertEqual(q.get_nowait(), 1)
        with self.assertRaises(ValueError):
            queue.Queue(1).put(1, timeout=-1)
        with self.assertRaises(ValueError):
            queue.SimpleQueue().get(timeout=-1)
        # Without blocking the timeout is ignored.
        q.put(1, block=False, timeout=-1)
        self.assertEqual(q.get(False, -1), 1)

    def test_simple_queue_timeout_values(self):
        sq = queue.SimpleQueue()
        with self.assertRaises(ValueError) as cm:
            sq.get(timeout=float('nan'))
        self.assertEqual(str(cm.exception), 'Invalid value NaN (not a number)')
        with self.assertRaises(TypeError):
            sq.get(timeout='1')
        with self.assertRaises(OverflowError):
            sq.get(timeout=1e300)
        with self.assertRaises(queue.Empty):
            sq.get(block=False, timeout=float('nan'))

    def test_exception_classes(self):
        self.assertTrue(issubclass(queue.Empty, Exception))
        self.assertTrue(issubclass(queue.Full, Exception))
        self.assertTrue(issubclass(queue.ShutDown, Exception))
        self.assertIsNot(queue.Empty, queue.Full)

    def test_task_done_and_join(self):
        q = queue.Queue()
        self.assertEqual(q.unfinished_tasks, 0)
        q.join()                          # nothing outstanding: returns at once
        for i in range(3):
            q.put(i)
        self.assertEqual(q.unfinished_tasks, 3)
        results = []

        def worker():
            while True:
                item = q.get()
                if item is None:
                    q.task_done()
                    return
                results.append(item * 10)
                q.task_done()
        t = threading.Thread(target=worker)
        t.start()
        q.join()
        self.assertEqual(sorted(results), [0, 10, 20])
        q.put(None)
        t.join()
        self.assertEqual(q.unfinished_tasks, 0)
        with self.assertRaises(ValueError) as cm:
            q.task_done()
        self.assertEqual(str(cm.exception), 'task_done() called too many times')

    def test_blocked_getter_receives_item(self):
        q = queue.Queue()
        got = []
        t = threading.Thread(target=lambda: got.append(q.get(timeout=30)))
        t.start()
        q.put('handed over')
        t.join()
        self.assertEqual(got, ['handed over'])

    def test_subclass_hooks(self):
        class Reversing(queue.Queue):
            def _init(self, maxsize):
                self.queue = []

            def _put(self, item):
                self.queue.insert(0, item)

            def _get(self):
                return self.queue.pop(0)
        q = Reversing()
        for i in range(3):
            q.put(i)
        self.assertEqual([q.get() for _ in range(3)], [2, 1, 0])

    def test_attributes(self):
        q = queue.Queue(3)
        self.assertIsInstance(q.queue, collections.deque)
        self.assertTrue(hasattr(q, 'mutex'))
        self.assertFalse(q.is_shutdown)
        self.assertIsInstance(queue.PriorityQueue().queue, list)
        self.assertIsInstance(queue.LifoQueue().queue, list)


class ShutdownTests(unittest.TestCase):

    def test_put_after_shutdown(self):
        for cls in (queue.Queue, queue.LifoQueue, queue.PriorityQueue):
            with self.subTest(cls=cls.__name__):
                q = cls()
                q.put(1)
                q.shutdown()
                self.assertTrue(q.is_shutdown)
                with self.assertRaises(queue.ShutDown):
                    q.put(2)
                with self.assertRaises(queue.ShutDown):
                    q.put_nowait(2)
                # Remaining items can still be taken, then get() raises.
                self.assertEqual(q.get(), 1)
                with self.assertRaises(queue.ShutDown):
                    q.get()
                with self.assertRaises(queue.ShutDown):
                    q.get_nowait()
                with self.assertRaises(queue.ShutDown):
                    q.get(timeout=0.01)

    def test_shutdown_keeps_unfinished_tasks(self):
        q = queue.Queue()
        q.put('a')
        q.put('b')
        q.shutdown()
        self.assertEqual(q.qsize(), 2)
        self.assertEqual(q.unfinished_tasks, 2)
        q.get()
        q.task_done()
        q.get()
        q.task_done()
        q.join()

    def test_immediate_discards_and_releases_join(self):
        q = queue.Queue()
        for i in range(5):
            q.put(i)
        q.shutdown(immediate=True)
        self.assertEqual(q.qsize(), 0)
        self.assertTrue(q.empty())
        self.assertEqual(q.unfinished_tasks, 0)
        q.join()
        with self.assertRaises(queue.ShutDown):
            q.get()

    def test_immediate_wakes_joiner(self):
        q = queue.Queue()
        q.put('never processed')
        done = []
        t = threading.Thread(target=lambda: (q.join(), done.append(True)))
        t.start()
        q.shutdown(immediate=True)
        t.join()
        self.assertEqual(done, [True])

    def test_shutdown_wakes_blocked_putter(self):
        q = queue.Queue(1)
        q.put('x')
        errors = []
        started = threading.Event()

        def putter():
            started.set()
            try:
                q.put('y', timeout=30)
            except queue.ShutDown:
                errors.append('ShutDown')
        t = threading.Thread(target=putter)
        t.start()
        started.wait()
        # Whether the putter is already blocked or not, it must end with ShutDown.
        q.shutdown()
        t.join()
        self.assertEqual(errors, ['ShutDown'])

    def test_shutdown_twice(self):
        q = queue.Queue()
        q.shutdown()
        q.shutdown(immediate=True)
        self.assertTrue(q.is_shutdown)


class SimpleQueueTests(unittest.TestCase):

    def test_basic_api(self):
        q = queue.SimpleQueue()
        self.assertTrue(q.empty())
        self.assertEqual(q.qsize(), 0)
        q.put(1)
        q.put_nowait(2)
        q.put(3, block=False, timeout=5)
        self.assertFalse(q.empty())
        self.assertEqual(q.qsize(), 3)
        self.assertEqual([q.get(), q.get_nowait(), q.get(block=True, timeout=1)], [1, 2, 3])

    def test_constructor_takes_no_arguments(self):
        with self.assertRaises(TypeError) as cm:
            queue.SimpleQueue(1)
        self.assertEqual(str(cm.exception), 'SimpleQueue() takes no positional arguments')
        with self.assertRaises(TypeError) as cm:
            queue.SimpleQueue(maxsize=1)
        self.assertEqual(str(cm.exception), 'SimpleQueue() takes no keyword arguments')

    def test_reentrant_put_from_del(self):
        q = queue.SimpleQueue()

        class Putter:
            def __del__(self):
                q.put('from __del__')
        q.put(Putter())
        q.get()
        import gc
        gc.collect()
        self.assertEqual(q.get_nowait(), 'from __del__')

    def test_weakref_and_generic_alias(self):
        import weakref
        q = queue.SimpleQueue()
        self.assertIs(weakref.ref(q)(), q)
        alias = queue.SimpleQueue[int]
        self.assertIs(alias.__origin__, queue.SimpleQueue)
        self.assertEqual(queue.Queue[str].__args__, (str,))

    def test_many_threads(self):
        q = queue.SimpleQueue()
        n = 4

        def producer(base):
            for i in range(100):
                q.put(base + i)
        threads = [threading.Thread(target=producer, args=(k * 1000,)) for k in range(n)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        got = sorted(q.get() for _ in range(n * 100))
        self.assertEqual(got, sorted(k * 1000 + i for k in range(n) for i in range(100)))
        self.assertTrue(q.empty())


if __name__ == '__main__':
    unittest.main()
