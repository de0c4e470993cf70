"""Extensions and threads: releasing the GIL around blocking work (src/ext_threads.c),
PyGILState from a foreign thread, thread-specific storage, 8 threads importing one extension
at once (its init runs once), and an object kept consistent by Py_BEGIN_CRITICAL_SECTION(2)
plus a PyMutex-protected counter under 8 threads (src/ext_critical.c, CPython 3.13 API)."""

import sys
import threading
import unittest

from . import ExtensionTestCase

NTHREADS = 8


def run_threads(worker, nthreads=NTHREADS):
    """Run worker(index) in nthreads threads started together; re-raise the first error."""
    barrier = threading.Barrier(nthreads)
    errors = []

    def run(index):
        try:
            barrier.wait()
            worker(index)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(nthreads)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]


class ReleaseGILTests(ExtensionTestCase):
    EXTENSIONS = [('ext_threads.c', None, ())]

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        import ext_threads
        cls.mod = ext_threads

    def test_threads_overlap_while_gil_released(self):
        # Every thread waits inside its Py_BEGIN_ALLOW_THREADS region until all four are
        # inside at once: possible only if each really released the GIL.
        m = self.mod
        m.reset()
        seen = []
        run_threads(lambda i: seen.append(m.wait_for_peers(4)), nthreads=4)
        self.assertEqual(m.most(), 4)
        self.assertEqual(max(seen), 4)

    def test_foreign_thread_gilstate(self):
        result, had_state = self.mod.call_in_foreign_thread(lambda: sum(range(10)))
        self.assertEqual(result, 45)
        self.assertEqual(had_state, 0)      # a new OS thread has no thread state yet

    def test_foreign_thread_sees_interpreter(self):
        box = []
        result, _ = self.mod.call_in_foreign_thread(
            lambda: box.append(threading.current_thread().name) or len(box))
        self.assertEqual(result, 1)
        self.assertEqual(len(box), 1)

    def test_thread_specific_storage(self):
        m = self.mod
        m.tss_roundtrip(5)
        self.assertEqual(m.tss_roundtrip(6), (5, 6))
        other = []
        t = threading.Thread(target=lambda: other.append(m.tss_roundtrip(9)))
        t.start()
        t.join()
        self.assertEqual(other, [(0, 9)])       # the value is per thread
        self.assertEqual(m.tss_roundtrip(7), (6, 7))


class ConcurrentImportTests(ExtensionTestCase):
    EXTENSIONS = [('ext_callconv.c', None, ()), ('ext_single.c', 'ext_single', ())]

    def import_in_threads(self, name):
        modules = [None] * NTHREADS

        def worker(i):
            modules[i] = __import__(name)
        run_threads(worker)
        return modules

    def test_multi_phase_imported_once(self):
        modules = self.import_in_threads('ext_callconv')
        self.assertTrue(all(m is modules[0] for m in modules))
        self.assertIs(sys.modules['ext_callconv'], modules[0])
        self.assertEqual(modules[0].fastcall(1, 2), 3)

    def test_single_phase_initialised_once(self):
        modules = self.import_in_threads('ext_single')
        self.assertTrue(all(m is modules[0] for m in modules))
        self.assertEqual(modules[0].calls(), 1)


@unittest.skipIf(sys.version_info < (3, 13), 'critical sections and PyMutex are 3.13 API')
class CriticalSectionTests(ExtensionTestCase):
    EXTENSIONS = [('ext_critical.c', None, ())]

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        import ext_critical
        cls.mod = ext_critical

    def test_single_object_consistent(self):
        account = self.mod.Account(100000)
        per_thread = 3000
        run_threads(lambda i: [account.move(1) for _ in range(per_thread)])
        left, right, ops = account.snapshot()
        self.assertEqual(ops, NTHREADS * per_thread)
        self.assertEqual(right, NTHREADS * per_thread)
        self.assertEqual(left + right, 100000)

    def test_two_objects_consistent(self):
        a = self.mod.Account(1000)
        b = self.mod.Account(1000)
        per_thread = 2000

        def worker(i):
            # half the threads move a->b, the others b->a: lock order must not deadlock
            src, dst = (a, b) if i % 2 else (b, a)
            for _ in range(per_thread):
                src.transfer(dst, 1)
        run_threads(worker)
        a_left, _, a_ops = a.snapshot()
        b_left, _, b_ops = b.snapshot()
        self.assertEqual(a_left + b_left, 2000)
        self.assertEqual(a_left, 1000)          # as many moves each way
        self.assertEqual(a_ops, NTHREADS * per_thread)
        self.assertEqual(b_ops, NTHREADS * per_thread)

    def test_pymutex_counter(self):
        m = self.mod
        start = m.count()
        run_threads(lambda i: m.increment(5000))
        self.assertEqual(m.count() - start, NTHREADS * 5000)

    def test_strong_reference_apis(self):
        m = self.mod
        self.assertEqual(m.strong_refs({1: 'one'}, 1, [5, 6], 1), ('one', 1, 6, 'sys'))
        self.assertEqual(m.strong_refs({}, 1, [5], 0), (None, 0, 5, 'sys'))
        with self.assertRaises(IndexError):
            m.strong_refs({}, 1, [5], 3)
        with self.assertRaises(TypeError):
            m.strong_refs({}, [], [5], 0)       # unhashable key


if __name__ == '__main__':
    unittest.main()
