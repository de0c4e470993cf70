"""Tests of queue: FIFO/LIFO/priority order, blocking with timeouts, task_done/join,
shutdown (3.13) and SimpleQueue, with producer and consumer threads."""

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


if __name__ == '__main__':
    unittest.main()
