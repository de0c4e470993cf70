"""Tests of threading: threads, locks, conditions, semaphores, events, barriers, timers,
thread-local data and the exception hook.  No timing assertions: waits use events and joins,
and timeouts are only checked for their outcome."""

import subprocess
import sys
import threading
import time
import unittest


class ThreadTests(unittest.TestCase):

    def test_start_join_result(self):
        results = []
        t = threading.Thread(target=results.append, args=(42,))
        self.assertFalse(t.is_alive())
        t.start()
        t.join()
        self.assertFalse(t.is_alive())
        self.assertEqual(results, [42])
        self.assertIsInstance(t.ident, int)
        self.assertIsInstance(t.native_id, int)

    def test_names_and_repr(self):
        def work():
            pass
        t = threading.Thread(target=work)
        self.assertTrue(t.name.startswith('Thread-'), t.name)
        self.assertTrue(t.name.endswith(' (work)'), t.name)
        self.assertIn('initial', repr(t))
        named = threading.Thread(name='worker-x')
        self.assertEqual(named.name, 'worker-x')
        t.start()
        t.join()
        self.assertIn('stopped', repr(t))

    def test_subclass_run(self):
        class Worker(threading.Thread):
            def __init__(self):
                super().__init__()
                self.value = None

            def run(self):
                self.value = threading.current_thread() is self
        w = Worker()
        w.start()
        w.join()
        self.assertTrue(w.value)

    def test_current_and_main_thread(self):
        self.assertIs(threading.current_thread(), threading.main_thread())
        self.assertEqual(threading.main_thread().name, 'MainThread')
        seen = []
        t = threading.Thread(target=lambda: seen.append(threading.current_thread()))
        t.start()
        t.join()
        self.assertIs(seen[0], t)
        self.assertEqual(threading.get_ident(), threading.main_thread().ident)

    def test_enumerate_and_active_count(self):
        started = threading.Event()
        release = threading.Event()

        def work():
            started.set()
            release.wait()
        t = threading.Thread(target=work)
        t.start()
        started.wait()
        self.assertIn(t, threading.enumerate())
        self.assertGreaterEqual(threading.active_count(), 2)
        release.set()
        t.join()
        self.assertNotIn(t, threading.enumerate())

    def test_errors(self):
        t = threading.Thread(target=lambda: None)
        with self.assertRaises(RuntimeError):
            t.join()
        t.start()
        with self.assertRaises(RuntimeError):
            t.start()
        t.join()
        with self.assertRaises(RuntimeError):
            threading.current_thread().join()

    def test_join_timeout_leaves_thread_alive(self):
        release = threading.Event()
        t = threading.Thread(target=release.wait)
        t.start()
        t.join(0.01)
        self.assertTrue(t.is_alive())
        release.set()
        t.join()
        self.assertFalse(t.is_alive())

    def test_daemon_flag(self):
        t = threading.Thread(target=lambda: None, daemon=True)
        self.assertTrue(t.daemon)
        self.assertFalse(threading.Thread(target=lambda: None).daemon)
        t.start()
        with self.assertRaises(RuntimeError):
            t.daemon = False
        t.join()

    def test_excepthook(self):
        seen = []
        old = threading.excepthook
        threading.excepthook = lambda args: seen.append((args.exc_type, str(args.exc_value),
                                                         args.thread))

        def fail():
            raise ValueError('boom')
        try:
            t = threading.Thread(target=fail)
            t.start()
            t.join()
        finally:
            threading.excepthook = old
        self.assertEqual(seen, [(ValueError, 'boom', t)])


class LockTests(unittest.TestCase):

    def test_lock_basics(self):
        lock = threading.Lock()
        self.assertFalse(lock.locked())
        self.assertTrue(lock.acquire())
        self.assertTrue(lock.locked())
        self.assertFalse(lock.acquire(False))
        self.assertFalse(lock.acquire(True, 0.01))
        lock.release()
        with self.assertRaises(RuntimeError):
            lock.release()
        with lock:
            self.assertTrue(lock.locked())
        self.assertFalse(lock.locked())

    def test_lock_protects_read_modify_write(self):
        # The seeds' race: `counter += 1` from several threads loses updates without a
        # lock; with the lock held around it every update survives.
        lock = threading.Lock()
        state = {'counter': 0}

        def add():
            for _ in range(2000):
                with lock:
                    state['counter'] += 1
        threads = [threading.Thread(target=add) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(state['counter'], 8000)

    def test_rlock_reentrant(self):
        rlock = threading.RLock()
        with rlock:
            with rlock:
                self.assertTrue(rlock._is_owned())
        self.assertFalse(rlock._is_owned())
        with self.assertRaises(RuntimeError):
            rlock.release()

    def test_rlock_owned_by_other_thread(self):
        rlock = threading.RLock()
        rlock.acquire()
        result = []
        t = threading.Thread(target=lambda: result.append(rlock.acquire(False)))
        t.start()
        t.join()
        self.assertEqual(result, [False])
        rlock.release()


class ConditionTests(unittest.TestCase):

    def test_producer_consumer(self):
        cond = threading.Condition()
        items = []
        consumed = []

        def consumer():
            for _ in range(5):
                with cond:
                    cond.wait_for(lambda: items)
                    consumed.append(items.pop(0))
        t = threading.Thread(target=consumer)
        t.start()
        for i in range(5):
            with cond:
                items.append(i)
                cond.notify()
        t.join()
        self.assertEqual(consumed, [0, 1, 2, 3, 4])

    def test_wait_timeout_returns_false(self):
        cond = threading.Condition()
        with cond:
            self.assertFalse(cond.wait(0.01))
        with self.assertRaises(RuntimeError):
            cond.wait()
        with self.assertRaises(RuntimeError):
            cond.notify()

    def test_notify_all(self):
        cond = threading.Condition()
        ready = []
        go = [False]

        def waiter():
            with cond:
                ready.append(1)
                cond.notify_all()
                cond.wait_for(lambda: go[0])
        threads = [threading.Thread(target=waiter) for _ in range(3)]
        for t in threads:
            t.start()
        with cond:
            cond.wait_for(lambda: len(ready) == 3)
            go[0] = True
            cond.notify_all()
        for t in threads:
            t.join()
        self.assertEqual(len(ready), 3)


class SemaphoreEventBarrierTests(unittest.TestCase):

    def test_semaphore_bounds_concurrency(self):
        sem = threading.Semaphore(2)
        lock = threading.Lock()
        active = [0]
        peak = [0]

        def work():
            with sem:
                with lock:
                    active[0] += 1
                    peak[0] = max(peak[0], active[0])
                time.sleep(0.001)
                with lock:
                    active[0] -= 1
        threads = [threading.Thread(target=work) for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertLessEqual(peak[0], 2)
        self.assertGreaterEqual(peak[0], 1)
        self.assertFalse(sem.acquire(blocking=False) and sem.acquire(blocking=False)
                         and sem.acquire(blocking=False))

    def test_bounded_semaphore(self):
        sem = threading.BoundedSemaphore(1)
        sem.acquire()
        sem.release()
        with self.assertRaises(ValueError):
            sem.release()
        with self.assertRaises(ValueError):
            threading.Semaphore(-1)

    def test_event(self):
        event = threading.Event()
        self.assertFalse(event.is_set())
        self.assertFalse(event.wait(0.01))
        t = threading.Thread(target=event.set)
        t.start()
        self.assertTrue(event.wait())
        t.join()
        event.clear()
        self.assertFalse(event.is_set())

    def test_barrier(self):
        barrier = threading.Barrier(3)
        indexes = []
        lock = threading.Lock()

        def work():
            i = barrier.wait()
            with lock:
                indexes.append(i)
        threads = [threading.Thread(target=work) for _ in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(sorted(indexes), [0, 1, 2])
        self.assertEqual(barrier.parties, 3)
        self.assertFalse(barrier.broken)

    def test_barrier_abort(self):
        barrier = threading.Barrier(2)
        errors = []

        def work():
            try:
                barrier.wait()
            except threading.BrokenBarrierError:
                errors.append(True)
        t = threading.Thread(target=work)
        t.start()
        while barrier.n_waiting == 0:
            time.sleep(0.001)
        barrier.abort()
        t.join()
        self.assertEqual(errors, [True])
        self.assertTrue(barrier.broken)

    def test_timer(self):
        fired = threading.Event()
        timer = threading.Timer(0.01, fired.set)
        timer.start()
        self.assertTrue(fired.wait(10))
        timer.join()
        cancelled = []
        timer = threading.Timer(60, cancelled.append, args=(1,))
        timer.start()
        timer.cancel()
        timer.join()
        self.assertEqual(cancelled, [])


class LocalTests(unittest.TestCase):

    def test_local_is_per_thread(self):
        data = threading.local()
        data.value = 'main'
        seen = []

        def work():
            seen.append(getattr(data, 'value', None))
            data.value = 'thread'
            seen.append(data.value)
        t = threading.Thread(target=work)
        t.start()
        t.join()
        self.assertEqual(seen, [None, 'thread'])
        self.assertEqual(data.value, 'main')


class IOBoundTests(unittest.TestCase):

    def test_sleeping_threads_overlap(self):
        # Threads blocked in sleep() must not hold the GIL: all of them can be asleep at
        # the same moment (checked by counting, not timing).
        lock = threading.Lock()
        asleep = [0]
        peak = [0]
        all_in = threading.Barrier(4)

        def work():
            all_in.wait()
            with lock:
                asleep[0] += 1
                peak[0] = max(peak[0], asleep[0])
            time.sleep(0.05)
            with lock:
                asleep[0] -= 1
        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertGreaterEqual(peak[0], 2)


class ModuleFunctionTests(unittest.TestCase):
    def test_settrace_and_setprofile_apply_to_new_threads(self):
        calls = []

        def tracer(frame, event, arg):
            if event == "call":
                calls.append(("trace", frame.f_code.co_name))
            return None

        def profiler(frame, event, arg):
            if event == "call":
                calls.append(("profile", frame.f_code.co_name))

        def target():
            def inner():
                return 1
            inner()

        threading.settrace(tracer)
        threading.setprofile(profiler)
        try:
            self.assertIs(threading.gettrace(), tracer)
            self.assertIs(threading.getprofile(), profiler)
            t = threading.Thread(target=target)
            t.start()
            t.join()
        finally:
            threading.settrace(None)
            threading.setprofile(None)
        self.assertIn(("trace", "inner"), calls)
        self.assertIn(("profile", "inner"), calls)

    def test_settrace_and_setprofile_all_threads_reach_running_threads(self):
        # The *_all_threads variants also install the hooks in threads already running
        # (and in this one), and None removes them everywhere.
        calls = []
        started, installed, called, removed = (threading.Event() for _ in range(4))

        def tracer(frame, event, arg):
            if event == "call":
                calls.append(("trace", frame.f_code.co_name, threading.get_ident()))
            return None

        def profiler(frame, event, arg):
            if event == "call":
                calls.append(("profile", frame.f_code.co_name, threading.get_ident()))

        def hooked():
            return 1

        def unhooked():
            return 2

        def target():
            started.set()
            installed.wait()
            hooked()
            called.set()
            removed.wait()
            unhooked()

        t = threading.Thread(target=target)
        t.start()
        started.wait()
        threading.settrace_all_threads(tracer)
        threading.setprofile_all_threads(profiler)
        try:
            self.assertIs(sys.gettrace(), tracer)
            self.assertIs(sys.getprofile(), profiler)
            installed.set()
            hooked()
            called.wait()
        finally:
            threading.settrace_all_threads(None)
            threading.setprofile_all_threads(None)
            removed.set()
        t.join()
        self.assertIsNone(sys.gettrace())
        self.assertIsNone(sys.getprofile())
        for kind in ("trace", "profile"):
            self.assertIn((kind, "hooked", t.ident), calls)
            self.assertIn((kind, "hooked", threading.get_ident()), calls)
        self.assertNotIn("unhooked", [name for _, name, _ in calls])

    def test_condition_wait_for(self):
        cond = threading.Condition()
        state = []

        def setter():
            with cond:
                state.append(1)
                cond.notify()

        with cond:
            threading.Thread(target=setter).start()
            self.assertTrue(cond.wait_for(lambda: state, timeout=30))
            self.assertFalse(cond.wait_for(lambda: len(state) > 5, timeout=0.01))

    def test_ids_and_constants(self):
        self.assertIsInstance(threading.get_native_id(), int)
        self.assertEqual(threading.get_ident(), threading.current_thread().ident)
        self.assertGreater(threading.TIMEOUT_MAX, 0)
        self.assertEqual(threading.stack_size(), 0)

    def test_shutdown_waits_for_non_daemon_threads(self):
        code = ("import threading, time\n"
                "def work():\n"
                "    time.sleep(0.2)\n"
                "    print('worker done', flush=True)\n"
                "threading.Thread(target=work).start()\n"
                "def forever():\n"
                "    while True:\n"
                "        time.sleep(0.01)\n"
                "threading.Thread(target=forever, daemon=True).start()\n"
                "print('main done', flush=True)\n")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             timeout=60)
        self.assertEqual(out.stdout, "main done\nworker done\n")
        self.assertEqual(out.returncode, 0)
        self.assertEqual(out.stderr, "")


if __name__ == '__main__':
    unittest.main()
