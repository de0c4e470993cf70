"""The cyclic collector and weak references under threads.

Eight threads build reference cycles and drop them while another thread calls gc.collect()
in a loop (in the free-threaded build the collector stops the world while the others keep
allocating); every object must be finalized exactly once and every weakref callback called
exactly once."""

import gc
import threading
import time
import unittest
import weakref

from test.test_free_threading import (NTHREADS, mutate_while_reading, run_concurrently,
                                     run_with_background)

N = 1000


class Node:
    """A cycle member whose finalizer records its id (list.append is atomic)."""

    def __init__(self, ident, log):
        self.ident = ident
        self.log = log
        self.partner = None
        self.payload = [ident, {'self': self}]

    def __del__(self):
        self.log.append(self.ident)


class Leaf:
    pass


def collect_until(stop):
    collections = 0
    while not stop.is_set():
        gc.collect()
        collections += 1
    return collections


class GCUnderThreadsTests(unittest.TestCase):

    def setUp(self):
        gc.collect()

    def test_cycles_collected_while_threads_allocate(self):
        finalized = []

        def worker(index):
            for i in range(N):
                a = Node((index, i, 'a'), finalized)
                b = Node((index, i, 'b'), finalized)
                a.partner = b
                b.partner = a
                if i % 3 == 0:
                    lst = [a]
                    lst.append(lst)
                    a.payload.append(lst)
            return N * 2

        made = run_with_background(worker, collect_until)
        gc.collect()
        gc.collect()
        self.assertEqual(len(finalized), sum(made))
        # PEP 442: finalizers run once, even with the collector racing the threads.
        self.assertEqual(len(set(finalized)), sum(made))

    def test_collect_from_many_threads(self):
        def worker(index):
            total = 0
            for i in range(N // 10):
                x = [Leaf()]
                x.append(x)
                d = {'d': None}
                d['d'] = d
                del x, d
                if i % 10 == index % 10:
                    total += gc.collect()
            return total

        results = run_concurrently(worker)
        self.assertTrue(all(n >= 0 for n in results))
        gc.collect()

    def test_live_objects_survive_collections(self):
        # Objects reachable only from a thread's frame (locals and the eval stack) must not
        # be collected, whichever thread runs the collector.
        def worker(index):
            keep = []
            for i in range(N):
                node = [index, i]
                node.append(node)
                keep.append(node)
                if i % 100 == 0:
                    gc.collect()
            for i, node in enumerate(keep):
                self.assertEqual(node[:2], [index, i])
                self.assertIs(node[2], node)
            return len(keep)

        self.assertEqual(run_concurrently(worker), [N] * NTHREADS)

    def test_gc_disable_enable_is_consistent(self):
        was_enabled = gc.isenabled()
        try:
            def worker(index):
                for i in range(N // 10):
                    if index % 2:
                        gc.disable()
                    else:
                        gc.enable()
                    self.assertIn(gc.isenabled(), (True, False))
                    cycle = [Leaf()]
                    cycle.append(cycle)
            run_concurrently(worker)
        finally:
            if was_enabled:
                gc.enable()
            else:
                gc.disable()
        gc.collect()

    def test_get_objects_while_allocating(self):
        marker = Leaf()

        def background(stop):
            while not stop.is_set():
                objects = gc.get_objects()
                self.assertTrue(any(o is marker for o in objects))
                del objects

        def worker(index):
            keep = [[index, i] for i in range(N)]
            return sum(len(x) for x in keep)

        self.assertEqual(run_with_background(worker, background), [2 * N] * NTHREADS)


class StopTheWorldTests(unittest.TestCase):
    """gc.collect() (which stops the world in the free-threaded build) while the other
    threads are running pure bytecode loops, blocked on locks, sleeping or starting."""

    def test_collect_while_threads_spin(self):
        stop = threading.Event()
        counts = [0] * NTHREADS

        def worker(index):
            if index == 0:
                for i in range(20):
                    gc.collect()
                stop.set()
                return
            n = 0
            # Only backward jumps, no calls: the loop must still reach a safe point.  At
            # least one round, even if this thread starts after the collections are over.
            while True:
                for k in range(100):
                    n += 1
                if stop.is_set():
                    break
            counts[index] = n

        run_concurrently(worker)
        self.assertTrue(all(c > 0 for c in counts[1:]))

    def test_threads_progress_while_one_collects_in_a_loop(self):
        # A thread that calls gc.collect() back to back must not starve the others: each
        # stop used to find the threads the previous one parked still waiting to be
        # scheduled, and suspended them again before they ran a bytecode (a worker then
        # advanced about once per 300 collections).  The workers here must, on average,
        # advance at least once per collection; in practice they do thousands of times more.
        collections = 300
        started = threading.Barrier(3)
        done = threading.Event()
        counts = [0, 0]

        def worker(index):
            started.wait()
            n = 0
            while not done.is_set():
                n += 1
            counts[index] = n

        threads = [threading.Thread(target=worker, args=(i,)) for i in range(2)]
        for thread in threads:
            thread.start()
        try:
            started.wait()
            for i in range(collections):
                gc.collect()
        finally:
            done.set()
            for thread in threads:
                thread.join()
        self.assertGreaterEqual(sum(counts), collections, counts)

    def test_collect_while_threads_block(self):
        lock = threading.Lock()
        event = threading.Event()
        cond = threading.Condition()
        lock.acquire()
        woke = []

        def worker(index):
            if index == 0:
                for i in range(10):
                    gc.collect()
                lock.release()
                event.set()
                with cond:
                    cond.notify_all()
                return
            kind = index % 4
            if kind == 1:
                with lock:
                    woke.append(index)
            elif kind == 2:
                event.wait()
                woke.append(index)
            elif kind == 3:
                time.sleep(0.01)
                woke.append(index)
            else:
                with cond:
                    while not event.is_set():
                        cond.wait(0.01)
                woke.append(index)

        run_concurrently(worker)
        self.assertEqual(sorted(woke), list(range(1, NTHREADS)))

    def test_collect_while_threads_start_and_exit(self):
        stop = threading.Event()

        def churn(stop):
            while not stop.is_set():
                t = threading.Thread(target=lambda: [[] for _ in range(10)])
                t.start()
                t.join()

        def worker(index):
            for i in range(5):
                gc.collect()
            return True

        self.assertEqual(run_with_background(worker, churn, nthreads=2), [True, True])


    def test_get_referents_while_the_owner_replaces_items(self):
        # gc.get_referents() traverses a list whose owner replaces its items: every item it
        # returns is one the list held, alive (it traverses with the world stopped).
        shared = [str(i) for i in range(50)]

        def read():
            return all(type(item) is str for item in gc.get_referents(shared))

        def mutate(r):
            shared[r % 50] = str(r)
            shared.append(str(-r))
            del shared[0]

        mutate_while_reading(self, mutate, read, rounds=20000)


class OtherThreadRunning:
    """Mixin: another thread runs during each test, so that the runtime is in its
    multi-threaded state (the free-threaded build's lone-thread shortcuts are off)."""

    def setUp(self):
        self.stop = threading.Event()
        self.other = threading.Thread(target=self.stop.wait)
        self.other.start()

    def tearDown(self):
        self.stop.set()
        self.other.join()


class PromptReleaseTests(OtherThreadRunning, unittest.TestCase):
    """Reference counting frees an object as soon as its last reference goes, also when
    other threads exist and have read the container that held it (CPython 3.13t DECREFs a
    replaced dict value at once; only memory a lock-free reader may touch is delayed)."""

    def read_from_another_thread(self, read):
        t = threading.Thread(target=lambda: [read() for _ in range(100)])
        t.start()
        t.join()

    def test_replaced_dict_value(self):
        d = {'k': Leaf()}
        self.read_from_another_thread(lambda: d.get('k'))
        ref = weakref.ref(d['k'])
        d['k'] = None
        self.assertIsNone(ref())
        d['j'] = Leaf()
        ref = weakref.ref(d['j'])
        del d['j']
        self.assertIsNone(ref())

    def test_replaced_attribute(self):
        holder = Leaf()
        holder.value = Leaf()
        self.read_from_another_thread(lambda: holder.value)
        ref = weakref.ref(holder.value)
        holder.value = None
        self.assertIsNone(ref())

    def test_replaced_list_item(self):
        items = [Leaf()]
        self.read_from_another_thread(lambda: items[0])
        ref = weakref.ref(items[0])
        items[0] = None
        self.assertIsNone(ref())

    def test_value_stored_by_an_exited_thread(self):
        d = {}
        refs = []

        def store():
            obj = Leaf()
            refs.append(weakref.ref(obj))
            d['k'] = obj
            d['k'] = None

        for i in range(20):
            t = threading.Thread(target=store)
            t.start()
            t.join()
        self.assertEqual([r() for r in refs], [None] * 20)


class DeferredObjectsTests(OtherThreadRunning, unittest.TestCase):
    """Classes, functions, code objects and modules made while threads run are freed once
    unreachable (in the free-threaded build they are counted per thread: Include/internal/
    pycore_ptrc.h; CPython 3.13t makes them immortal instead, so these tests fail there).
    Collections may take a few rounds: a dead function's code is freed by the collection
    after the one that frees the function, its constants by the next."""

    ROUNDS = 5

    def collect(self, refs):
        for _ in range(self.ROUNDS):
            gc.collect()
            if all(r() is None for r in refs):
                break
        return [r() for r in refs]

    def make_class(self, index):
        class Made:
            def method(self):
                return index
        return Made

    def test_classes_made_while_threads_run_are_freed(self):
        refs = [weakref.ref(self.make_class(i)) for i in range(300)]
        self.assertEqual(self.collect(refs), [None] * 300)

    def test_functions_and_code_made_while_threads_run_are_freed(self):
        refs = []
        for i in range(300):
            namespace = {}
            exec("def made(x):\n    return (x, %d, 1.5)" % i, namespace)
            refs.append(weakref.ref(namespace['made']))
            refs.append(weakref.ref(namespace['made'].__code__))
        del namespace
        self.assertEqual(self.collect(refs), [None] * 600)

    def test_modules_made_while_threads_run_are_freed(self):
        import types
        refs = [weakref.ref(types.ModuleType('made%d' % i)) for i in range(100)]
        self.assertEqual(self.collect(refs), [None] * 100)

    def test_class_used_by_threads_lives_until_the_last_reference(self):
        # Other threads take and drop many references (their own counts), keep one each in
        # a list, and exit; collections meanwhile must not free the class, and once the
        # lists go it must be freed.
        cls = self.make_class(7)
        kept = []

        def worker(index):
            mine = []
            for i in range(2000):
                obj = cls()
                self.assertEqual(obj.method(), 7)
                if i % 500 == 0:
                    mine.append(cls)
                    gc.collect()
            kept.append(mine)
            return len(mine)

        self.assertEqual(run_concurrently(worker), [4] * NTHREADS)
        ref = weakref.ref(cls)
        del cls
        for _ in range(self.ROUNDS):
            gc.collect()
            self.assertIs(ref(), kept[0][0])
        self.assertEqual(ref()().method(), 7)
        del kept[:]
        self.assertEqual(self.collect([ref]), [None])

    def test_objects_outlive_the_thread_that_made_them(self):
        # The thread that made (and owns) the classes and functions exits; other threads
        # use them; they are freed only when the last reference goes.
        made = []

        def maker():
            for i in range(100):
                namespace = {}
                exec("class K:\n    def m(self):\n        return %d\n"
                     "def f():\n    return K().m()" % i, namespace)
                made.append((namespace['K'], namespace['f']))

        thread = threading.Thread(target=maker)
        thread.start()
        thread.join()
        refs = [weakref.ref(obj) for pair in made for obj in pair]

        def worker(index):
            return sum(f() for _ in range(20) for _, f in made)

        expected = 20 * sum(range(100))
        self.assertEqual(run_concurrently(worker), [expected] * NTHREADS)
        gc.collect()
        self.assertEqual(sum(r() is None for r in refs), 0)
        del made[:]
        self.assertEqual(self.collect(refs), [None] * 200)

    def test_garbage_of_an_exited_owner_is_collected_once(self):
        # A thread makes classes and an instance of each, and exits; other threads use the
        # classes, and this one drops the instances (a reference the owner counted, dropped
        # in this thread's own slot, which then sums to less than zero); then the classes
        # become cyclic garbage.  The collection that finds them must free them: before the
        # fix their counts stayed with the exited owner, they were cleared but never freed,
        # and every later gc.collect() found them again.  The first gc.collect() also finds
        # what a fold released (it makes a second pass), so the next ones find nothing.
        for _ in range(self.ROUNDS):
            gc.collect()
        made = []
        instances = []

        def maker():
            for i in range(8):
                made.append(self.make_class(i))
                instances.append(made[-1]())

        def worker(index):
            for i in range(5000):
                cls = made[i % len(made)]
                cls.attr = i
                del cls

        thread = threading.Thread(target=maker)
        thread.start()
        thread.join()
        run_concurrently(worker)
        refs = [weakref.ref(cls) for cls in made]
        del made[:], instances[:]
        self.assertGreater(gc.collect(), 0)
        self.assertEqual([r() for r in refs], [None] * 8)
        self.assertEqual([gc.collect() for _ in range(3)], [0, 0, 0])

    def test_reference_counted_only_by_a_running_thread(self):
        # The one reference left is the one a running thread took and keeps in a local
        # variable (counted in that thread's own slot, and invisible to the collector's
        # traversal): collections meanwhile must count it.  Young collections first: a full
        # one folds the slots into the object before it counts (and so does the collection
        # after deferred objects died: the full collections first let those finish).
        for _ in range(self.ROUNDS):
            gc.collect()
        cls = self.make_class(3)
        ref = weakref.ref(cls)
        taken = threading.Event()
        release = threading.Event()
        results = []

        def holder():
            mine = cls
            taken.set()
            release.wait()
            results.append(mine().method())

        thread = threading.Thread(target=holder)
        thread.start()
        try:
            taken.wait()
            del cls
            alive = []
            for generation in (0, 1, 0, 1, 2):
                gc.collect(generation)
                alive.append(ref() is not None)
        finally:
            release.set()
            thread.join()
        self.assertEqual(alive, [True] * 5)
        self.assertEqual(results, [3])
        self.assertEqual(self.collect([ref]), [None])

    def test_function_called_by_threads_counts_stay_exact(self):
        namespace = {}
        exec("def shared(x):\n    return x + 1", namespace)
        shared = namespace.pop('shared')
        holders = [[] for _ in range(NTHREADS)]

        def worker(index):
            total = 0
            for i in range(3000):
                total += shared(i)
                if i % 1000 == 0:
                    holders[index].append(shared)
            return total

        expected = sum(range(1, 3001))
        self.assertEqual(run_concurrently(worker), [expected] * NTHREADS)
        ref = weakref.ref(shared)
        code_ref = weakref.ref(shared.__code__)
        del shared
        gc.collect()
        self.assertIsNotNone(ref())
        for holder in holders[:-1]:
            holder.clear()
        gc.collect()
        self.assertEqual(ref()(1), 2)
        holders[-1].clear()
        self.assertEqual(self.collect([ref, code_ref]), [None, None])


class WeakrefUnderThreadsTests(unittest.TestCase):

    def test_callbacks_called_once_per_object(self):
        called = []

        def worker(index):
            refs = []
            for i in range(N):
                obj = Leaf()
                refs.append(weakref.ref(obj, lambda r, key=(index, i): called.append(key)))
                del obj
            # The objects died at once (no cycles): every ref is dead.
            self.assertTrue(all(r() is None for r in refs))
            return len(refs)

        made = run_concurrently(worker)
        self.assertEqual(len(called), sum(made))
        self.assertEqual(len(set(called)), sum(made))

    def test_callbacks_of_cyclic_garbage_with_collector_thread(self):
        called = []

        def worker(index):
            refs = []
            for i in range(N // 2):
                obj = Leaf()
                obj.self = obj
                refs.append(weakref.ref(obj, lambda r, key=(index, i): called.append(key)))
                del obj
            return refs

        all_refs = run_with_background(worker, collect_until)
        gc.collect()
        self.assertEqual(len(called), NTHREADS * (N // 2))
        self.assertEqual(len(set(called)), NTHREADS * (N // 2))
        self.assertTrue(all(r() is None for refs in all_refs for r in refs))

    def test_many_threads_reference_one_object(self):
        target = Leaf()
        called = []

        def worker(index):
            for i in range(N):
                r = weakref.ref(target)
                self.assertIs(r(), target)
                p = weakref.proxy(target)
                p.attr = index
                self.assertIn(target.attr, range(NTHREADS))
                del r, p
            return weakref.ref(target, lambda r: called.append(index))

        refs = run_concurrently(worker)
        self.assertTrue(all(r() is target for r in refs))
        self.assertGreaterEqual(weakref.getweakrefcount(target), NTHREADS)
        del target
        gc.collect()
        self.assertEqual(sorted(called), list(range(NTHREADS)))

    def test_object_dies_while_other_threads_dereference(self):
        # One thread drops the only strong reference while the others keep calling the weak
        # reference: each call returns the live object or None, never a freed one.
        for round in range(20):
            holder = [Leaf()]
            ref = weakref.ref(holder[0])
            seen_dead = [False] * NTHREADS

            def worker(index):
                if index == 0:
                    holder.clear()
                    return
                for i in range(N // 10):
                    obj = ref()
                    if obj is None:
                        seen_dead[index] = True
                    else:
                        self.assertIs(type(obj), Leaf)
                    del obj

            run_concurrently(worker)
            self.assertIsNone(ref())

    def test_weak_value_dictionary(self):
        cache = weakref.WeakValueDictionary()

        def worker(index):
            keep = []
            for i in range(N // 2):
                obj = Leaf()
                cache[(index, i)] = obj
                if i % 2:
                    keep.append(obj)
                self.assertIs(cache.get((index, i)), obj)
            return keep

        kept = run_concurrently(worker)
        gc.collect()
        self.assertEqual(len(cache), sum(len(k) for k in kept))
        del kept
        gc.collect()
        self.assertEqual(len(cache), 0)


if __name__ == '__main__':
    unittest.main()
